package jp.kiban.demo.internal;

import java.util.List;
import java.util.Random;

/**
 * Name material for the generated demo town: common family and given names with their readings,
 * and foreign residents' names as written on a 在留カード. Chosen to look like a real small town,
 * never to match a real person.
 */
final class DemoNames {
    private DemoNames() {
    }

    record Name(String kanji, String kana) {
    }

    record Foreigner(String family, String given, String familyKana, String givenKana, String nationality,
            String residenceStatus) {
    }

    static final List<Name> FAMILY = List.of(
            n("佐藤", "サトウ"), n("鈴木", "スズキ"), n("高橋", "タカハシ"), n("田中", "タナカ"), n("伊藤", "イトウ"),
            n("渡辺", "ワタナベ"), n("山本", "ヤマモト"), n("中村", "ナカムラ"), n("小林", "コバヤシ"), n("加藤", "カトウ"),
            n("吉田", "ヨシダ"), n("山田", "ヤマダ"), n("佐々木", "ササキ"), n("山口", "ヤマグチ"), n("松本", "マツモト"),
            n("井上", "イノウエ"), n("木村", "キムラ"), n("林", "ハヤシ"), n("斎藤", "サイトウ"), n("清水", "シミズ"),
            n("山崎", "ヤマザキ"), n("森", "モリ"), n("池田", "イケダ"), n("橋本", "ハシモト"), n("阿部", "アベ"),
            n("石川", "イシカワ"), n("山下", "ヤマシタ"), n("中島", "ナカジマ"), n("石井", "イシイ"), n("小川", "オガワ"),
            n("前田", "マエダ"), n("岡田", "オカダ"), n("長谷川", "ハセガワ"), n("藤田", "フジタ"), n("後藤", "ゴトウ"),
            n("近藤", "コンドウ"), n("村上", "ムラカミ"), n("遠藤", "エンドウ"), n("青木", "アオキ"), n("坂本", "サカモト"),
            n("齋藤", "サイトウ"), n("髙橋", "タカハシ"), n("渡邊", "ワタナベ"), n("澤田", "サワダ"), n("濱田", "ハマダ"),
            n("野口", "ノグチ"), n("菅原", "スガワラ"), n("千葉", "チバ"), n("大野", "オオノ"), n("小野寺", "オノデラ"),
            n("及川", "オイカワ"), n("熊谷", "クマガイ"), n("阿部", "アベ"), n("三浦", "ミウラ"), n("武田", "タケダ"),
            n("葛西", "カサイ"), n("辻", "ツジ"), n("吉川", "ヨシカワ"), n("柴田", "シバタ"), n("菊地", "キクチ"));

    static final List<Name> MALE = List.of(
            n("太郎", "タロウ"), n("一郎", "イチロウ"), n("健", "ケン"), n("大輔", "ダイスケ"), n("翔太", "ショウタ"),
            n("拓也", "タクヤ"), n("直樹", "ナオキ"), n("誠", "マコト"), n("浩", "ヒロシ"), n("茂", "シゲル"),
            n("勝", "マサル"), n("清", "キヨシ"), n("博", "ヒロシ"), n("修", "オサム"), n("蓮", "レン"),
            n("湊", "ミナト"), n("陽翔", "ハルト"), n("悠真", "ユウマ"), n("大和", "ヤマト"), n("蒼", "アオイ"),
            n("和夫", "カズオ"), n("正男", "マサオ"), n("健一", "ケンイチ"), n("隆", "タカシ"), n("剛", "ツヨシ"));

    static final List<Name> FEMALE = List.of(
            n("花子", "ハナコ"), n("陽子", "ヨウコ"), n("美咲", "ミサキ"), n("由美", "ユミ"), n("恵子", "ケイコ"),
            n("幸子", "サチコ"), n("和子", "カズコ"), n("明美", "アケミ"), n("真由美", "マユミ"), n("愛", "アイ"),
            n("結衣", "ユイ"), n("陽菜", "ヒナ"), n("さくら", "サクラ"), n("葵", "アオイ"), n("凛", "リン"),
            n("芽依", "メイ"), n("紬", "ツムギ"), n("久美子", "クミコ"), n("節子", "セツコ"), n("京子", "キョウコ"),
            n("智子", "トモコ"), n("裕子", "ユウコ"), n("直美", "ナオミ"), n("千尋", "チヒロ"), n("文子", "フミコ"));

    static final List<Foreigner> FOREIGNERS = List.of(
            new Foreigner("NGUYEN", "VAN AN", "グエン", "ヴァン　アン", "ベトナム", "技能実習"),
            new Foreigner("TRAN", "THI HOA", "チャン", "ティ　ホア", "ベトナム", "特定技能"),
            new Foreigner("LE", "MINH DUC", "レ", "ミン　ドゥック", "ベトナム", "技能実習"),
            new Foreigner("SANTOS", "MARIA CLARA", "サントス", "マリア　クララ", "フィリピン", "永住者"),
            new Foreigner("REYES", "JOSE", "レイエス", "ホセ", "フィリピン", "日本人の配偶者等"),
            new Foreigner("SILVA", "LUCAS", "シルバ", "ルーカス", "ブラジル", "定住者"),
            new Foreigner("OLIVEIRA", "ANA", "オリベイラ", "アナ", "ブラジル", "定住者"),
            new Foreigner("WANG", "FANG", "ワン", "ファン", "中国", "永住者"),
            new Foreigner("LI", "WEI", "リ", "ウェイ", "中国", "技術・人文知識・国際業務"),
            new Foreigner("GURUNG", "SITA", "グルン", "シタ", "ネパール", "留学"),
            new Foreigner("KIM", "MINJUN", "キム", "ミンジュン", "韓国", "特別永住者"),
            new Foreigner("PRASETYO", "BUDI", "プラセティヨ", "ブディ", "インドネシア", "特定技能"));

    /** The demo town's 町字 with readings and (fictional, never allocated) postal codes 000-01xx. */
    record Town(String code, String name, String kana, String postalCode) {
    }

    static final List<Town> TOWNS = List.of(
            new Town("001", "本町", "ホンマチ", "0000101"), new Town("002", "中央一丁目", "チュウオウイッチョウメ", "0000102"),
            new Town("003", "中央二丁目", "チュウオウニチョウメ", "0000102"), new Town("004", "駅前", "エキマエ", "0000103"),
            new Town("005", "大字上野", "オオアザウエノ", "0000111"), new Town("006", "大字下野", "オオアザシモノ", "0000112"),
            new Town("007", "大字川原", "オオアザカワラ", "0000113"), new Town("008", "大字山口", "オオアザヤマグチ", "0000114"),
            new Town("009", "桜台", "サクラダイ", "0000121"), new Town("010", "緑町", "ミドリチョウ", "0000122"),
            new Town("011", "大字北沢", "オオアザキタザワ", "0000131"), new Town("012", "大字南原", "オオアザミナミハラ", "0000132"));

    private static Name n(String kanji, String kana) {
        return new Name(kanji, kana);
    }

    static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }
}
