package jp.kiban.characters.impl;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import jp.kiban.persistence.SchemaContribution;

/** The characters' own table (外字 table): db/migration/characters in this bundle. */
@Component(service = SchemaContribution.class)
public class CharactersSchema implements SchemaContribution {

    @Override
    public String module() {
        return "characters";
    }

    @Override
    public String migrationPath() {
        return "/db/migration/characters";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(GaijiEntity.class);
    }
}
