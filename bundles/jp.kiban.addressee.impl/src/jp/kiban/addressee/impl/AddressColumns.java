package jp.kiban.addressee.impl;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jp.kiban.addressee.PostalAddress;
import jp.kiban.core.address.Address;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.id.LocalGovernmentCode;

/** The address columns shared by the 住登外者 and 送付先 tables: in Japan, abroad, or none. */
@Embeddable
public class AddressColumns {
    @Column(name = "prefecture_code", length = 2)
    private String prefectureCode;
    @Column(length = 100)
    private String municipality;
    @Column(name = "local_government_code", length = 6)
    private String localGovernmentCode;
    @Column(length = 100)
    private String town;
    @Column(name = "lot_number", length = 100)
    private String lotNumber;
    @Column(length = 200)
    private String building;
    @Column(name = "address_abroad", length = 700)
    private String abroad;

    public AddressColumns() {
        // for JPA
    }

    static AddressColumns of(Optional<PostalAddress> address) {
        AddressColumns c = new AddressColumns();
        if (address.orElse(null) instanceof PostalAddress.Domestic d) {
            Address a = d.address();
            c.prefectureCode = a.prefecture().code();
            c.municipality = a.municipality();
            c.localGovernmentCode = a.localGovernmentCode().map(LocalGovernmentCode::value).orElse(null);
            c.town = a.town();
            c.lotNumber = a.lotNumber();
            c.building = a.building().orElse(null);
        } else if (address.orElse(null) instanceof PostalAddress.Abroad f) {
            c.abroad = f.text();
        }
        return c;
    }

    Optional<PostalAddress> toAddress() {
        if (prefectureCode != null) {
            Address a = Address.of(Prefecture.ofCode(prefectureCode), municipality, town, lotNumber).withBuilding(building);
            if (localGovernmentCode != null) {
                a = a.withLocalGovernmentCode(LocalGovernmentCode.of(localGovernmentCode));
            }
            return Optional.of(PostalAddress.of(a));
        }
        return abroad == null ? Optional.empty() : Optional.of(PostalAddress.abroad(abroad));
    }
}
