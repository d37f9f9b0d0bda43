package jp.kiban.healthinsurance.impl;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import jp.kiban.persistence.SchemaContribution;

/** Schema module {@code kokuho}: the 国保 business's own tables (db/migration/kokuho). */
@Component(service = SchemaContribution.class)
public class KokuhoSchema implements SchemaContribution {
    @Override
    public String module() {
        return "kokuho";
    }

    @Override
    public String migrationPath() {
        return "/db/migration/kokuho";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(PersonEntity.class, QualificationEntity.class, IncomeEntity.class, RateEntity.class,
                TaskEntity.class, AssessmentEntity.class);
    }
}
