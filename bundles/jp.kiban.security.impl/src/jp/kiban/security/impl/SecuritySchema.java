package jp.kiban.security.impl;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import jp.kiban.persistence.SchemaContribution;

/** The security module's tables: users, organisation units, the access log (db/migration/security). */
@Component(service = SchemaContribution.class)
public class SecuritySchema implements SchemaContribution {

    @Override
    public String module() {
        return "security";
    }

    @Override
    public String migrationPath() {
        return "/db/migration/security";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(UserEntity.class, UnitEntity.class);
    }
}
