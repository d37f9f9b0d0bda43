package jp.kiban.security.tests;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.osgi.framework.FrameworkUtil;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import jp.kiban.persistence.Database;
import jp.kiban.persistence.Dialect;

/**
 * An EclipseLink unit over a test database, like {@code JpaUnit} but under a unit and session name
 * of its own: {@code JpaUnit.create} always uses the name {@code kiban}, and EclipseLink hands a
 * second factory of the same name the session (and database) of the first one that is still open,
 * here the DS service's.
 */
final class SeparateUnit {

    private SeparateUnit() {
    }

    static EntityManagerFactory create(Database database, Collection<Class<?>> entityClasses) {
        String name = "kiban-test-" + UUID.randomUUID();
        ClassLoader loader = new ClassLoader(PersistenceProvider.class.getClassLoader()) {
            private final List<ClassLoader> loaders = new ArrayList<>(new LinkedHashSet<>(
                    entityClasses.stream().map(Class::getClassLoader).toList()));

            @Override
            protected Class<?> findClass(String n) throws ClassNotFoundException {
                for (ClassLoader l : loaders) {
                    try {
                        return l.loadClass(n);
                    } catch (ClassNotFoundException e) {
                        // next
                    }
                }
                throw new ClassNotFoundException(n);
            }

            @Override
            protected URL findResource(String n) {
                // EclipseLink reads the entities' annotations from their class files
                for (ClassLoader l : loaders) {
                    URL u = l.getResource(n);
                    if (u != null) {
                        return u;
                    }
                }
                return null;
            }
        };
        Map<String, Object> props = new HashMap<>();
        props.put(PersistenceUnitProperties.CLASSLOADER, loader);
        props.put(PersistenceUnitProperties.SESSION_NAME, name);
        props.put(PersistenceUnitProperties.TARGET_DATABASE, database.dialect() == Dialect.DERBY ? "Derby" : "PostgreSQL");
        props.put(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.NONE);
        props.put(PersistenceUnitProperties.WEAVING, "false");
        props.put(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING");
        props.put(PersistenceUnitProperties.CACHE_SHARED_DEFAULT, "false");
        PersistenceUnitInfo info = new PersistenceUnitInfo() {
            @Override public String getPersistenceUnitName() { return name; }
            @Override public String getPersistenceProviderClassName() { return PersistenceProvider.class.getName(); }
            @Override public String getScopeAnnotationName() { return null; }
            @Override public List<String> getQualifierAnnotationNames() { return List.of(); }
            @Override public PersistenceUnitTransactionType getTransactionType() { return PersistenceUnitTransactionType.RESOURCE_LOCAL; }
            @Override public DataSource getJtaDataSource() { return null; }
            @Override public DataSource getNonJtaDataSource() { return database.dataSource(); }
            @Override public List<String> getMappingFileNames() { return List.of(); }
            @Override public List<URL> getJarFileUrls() { return List.of(); }
            @Override public URL getPersistenceUnitRootUrl() { return FrameworkUtil.getBundle(SeparateUnit.class).getEntry("/"); }
            @Override public List<String> getManagedClassNames() { return entityClasses.stream().map(Class::getName).toList(); }
            @Override public boolean excludeUnlistedClasses() { return true; }
            @Override public SharedCacheMode getSharedCacheMode() { return SharedCacheMode.NONE; }
            @Override public ValidationMode getValidationMode() { return ValidationMode.NONE; }
            @Override public Properties getProperties() { return new Properties(); }
            @Override public String getPersistenceXMLSchemaVersion() { return "3.2"; }
            @Override public ClassLoader getClassLoader() { return loader; }
            @Override public void addTransformer(ClassTransformer transformer) { }
            @Override public ClassLoader getNewTempClassLoader() { return loader; }
        };
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            EntityManagerFactory emf = new PersistenceProvider().createContainerEntityManagerFactory(info, props);
            emf.createEntityManager().close();
            return emf;
        } finally {
            t.setContextClassLoader(old);
        }
    }
}
