package jp.kiban.childallowance.impl;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import jp.kiban.persistence.SchemaContribution;

/** Schema module {@code jidoteate}: the 児童手当 business's own tables (db/migration/jidoteate). */
@Component(service = SchemaContribution.class)
public class JidoteateSchema implements SchemaContribution {
    @Override
    public String module() {
        return "jidoteate";
    }

    @Override
    public String migrationPath() {
        return "/db/migration/jidoteate";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(RecipientEntity.class, ChildEntity.class, RevisionEntity.class, NoticeEntity.class, TaskEntity.class);
    }
}
