package jp.kiban.residenttax.impl;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import jp.kiban.persistence.SchemaContribution;

/** Schema module {@code juminzei}: the 個人住民税 business's own tables (db/migration/juminzei). */
@Component(service = SchemaContribution.class)
public class JuminzeiSchema implements SchemaContribution {
    @Override
    public String module() {
        return "juminzei";
    }

    @Override
    public String migrationPath() {
        return "/db/migration/juminzei";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(TaxpayerEntity.class, IncomeEntity.class, AssessmentEntity.class, SettingEntity.class);
    }
}
