package jp.kiban.forms.impl;

import org.osgi.service.component.annotations.Component;

import jp.kiban.persistence.SchemaContribution;

/** The forms' own table (発行番号 counter): db/migration/forms in this bundle. */
@Component(service = SchemaContribution.class)
public class FormsSchema implements SchemaContribution {

    @Override
    public String module() {
        return "forms";
    }

    @Override
    public String migrationPath() {
        return "/db/migration/forms";
    }
}
