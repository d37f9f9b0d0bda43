package jp.kiban.addressee.impl;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import jp.kiban.persistence.SchemaContribution;

/** The addressee base's tables: db/migration/addressee in this bundle. */
@Component(service = SchemaContribution.class)
public class AddresseeSchema implements SchemaContribution {

    @Override
    public String module() {
        return "addressee";
    }

    @Override
    public String migrationPath() {
        return "/db/migration/addressee";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(NumberRangeEntity.class, AddresseeEntity.class, AddressColumns.class, NonResidentEntity.class,
                MailingAddressEntity.class, TownEntity.class);
    }
}
