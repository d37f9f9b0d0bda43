package jp.kiban.addressee;

import jp.kiban.core.DomainException.Label;

/** Field names used as message arguments ({@code label.*} in messages*.properties). */
final class Labels {
    static final Label BUSINESS = new Label("business");
    static final Label ADDRESS_ABROAD = new Label("addressAbroad");
    static final Label RECIPIENT = new Label("recipient");
    static final Label NAME = new Label("name");
    static final Label TOWN_CODE = new Label("townCode");
    static final Label TOWN_NAME = new Label("townName");
    static final Label MUNICIPALITY = new Label("municipality");

    private Labels() {
    }
}
