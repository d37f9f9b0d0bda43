package jp.kiban.platform.impl;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import jp.kiban.persistence.SchemaContribution;

/** The platform's own tables: db/migration/platform in this bundle. */
@Component(service = SchemaContribution.class)
public class PlatformSchema implements SchemaContribution {

    @Override
    public String module() {
        return "platform";
    }

    @Override
    public String migrationPath() {
        return "/db/migration/platform";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(MunicipalityEntity.class);
    }
}
