/**
 * The resident base (住民記録) API: records with their full history (宛名番号 + 履歴番号), the 異動
 * as request types, 仮登録 → 本登録, the counter search and the events other businesses receive.
 * Implemented by {@code jp.kiban.resident.impl}; UIs and the CLI use only this package.
 */
package jp.kiban.resident;
