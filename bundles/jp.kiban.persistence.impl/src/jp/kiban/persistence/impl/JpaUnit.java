package jp.kiban.persistence.impl;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import javax.sql.DataSource;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.osgi.framework.Bundle;
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
 * Builds one EclipseLink EntityManagerFactory over the entities of every bundle that contributes
 * some, so that a change and its outbox entry, owned by different bundles, share one transaction.
 *
 * <p>EclipseLink is used directly through its {@link PersistenceProvider} (no OSGi JPA extender); the
 * persistence unit is described in code because its classes come from several bundles, and the
 * class loader handed to EclipseLink delegates to each entity's own bundle. No DDL generation: the
 * schema belongs to the SQL migrations. No weaving (it would need an OSGi weaving hook).
 */
public final class JpaUnit {
    public static final String UNIT_NAME = "kiban";
    private static final java.util.concurrent.atomic.AtomicInteger SESSIONS = new java.util.concurrent.atomic.AtomicInteger();

    private JpaUnit() {
    }

    public static EntityManagerFactory create(Database database, Collection<Class<?>> entityClasses) {
        ClassLoader loader = new EntityClassLoader(entityClasses);
        Map<String, Object> props = new HashMap<>();
        props.put(PersistenceUnitProperties.CLASSLOADER, loader);
        props.put(PersistenceUnitProperties.TARGET_DATABASE,
                database.dialect() == Dialect.DERBY ? "Derby" : "PostgreSQL");
        props.put(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.NONE);
        props.put(PersistenceUnitProperties.WEAVING, "false");
        props.put(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING");
        props.put(PersistenceUnitProperties.CACHE_SHARED_DEFAULT, "false");
        // EclipseLink keeps sessions by name per JVM: two factories with the same name would share the
        // first one's database, so every factory gets its own session name.
        props.put(PersistenceUnitProperties.SESSION_NAME, UNIT_NAME + "-" + SESSIONS.incrementAndGet());
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            EntityManagerFactory emf = new PersistenceProvider()
                    .createContainerEntityManagerFactory(new UnitInfo(database.dataSource(), entityClasses, loader), props);
            emf.createEntityManager().close(); // deploy now, so mapping errors surface at start
            return emf;
        } finally {
            t.setContextClassLoader(old);
        }
    }

    /** Tries the persistence bundle first (EclipseLink, JPA), then each entity's bundle. */
    private static final class EntityClassLoader extends ClassLoader {
        private final List<ClassLoader> loaders;

        EntityClassLoader(Collection<Class<?>> entities) {
            super(JpaUnit.class.getClassLoader());
            Set<ClassLoader> set = new LinkedHashSet<>();
            for (Class<?> c : entities) {
                set.add(c.getClassLoader());
            }
            loaders = new ArrayList<>(set);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            for (ClassLoader l : loaders) {
                try {
                    return l.loadClass(name);
                } catch (ClassNotFoundException e) {
                    // try the next bundle
                }
            }
            throw new ClassNotFoundException(name);
        }

        @Override
        protected URL findResource(String name) {
            for (ClassLoader l : loaders) {
                URL u = l.getResource(name);
                if (u != null) {
                    return u;
                }
            }
            return null;
        }

        @Override
        protected Enumeration<URL> findResources(String name) throws IOException {
            List<URL> all = new ArrayList<>();
            for (ClassLoader l : loaders) {
                all.addAll(Collections.list(l.getResources(name)));
            }
            return Collections.enumeration(all);
        }
    }

    private record UnitInfo(DataSource dataSource, Collection<Class<?>> classes, ClassLoader loader)
            implements PersistenceUnitInfo {

        @Override
        public String getPersistenceUnitName() {
            return UNIT_NAME;
        }

        @Override
        public String getPersistenceProviderClassName() {
            return PersistenceProvider.class.getName();
        }

        @Override
        public String getScopeAnnotationName() {
            return null;
        }

        @Override
        public List<String> getQualifierAnnotationNames() {
            return List.of();
        }

        @SuppressWarnings("deprecation")
        @Override
        public PersistenceUnitTransactionType getTransactionType() {
            return PersistenceUnitTransactionType.RESOURCE_LOCAL;
        }

        @Override
        public DataSource getJtaDataSource() {
            return null;
        }

        @Override
        public DataSource getNonJtaDataSource() {
            return dataSource;
        }

        @Override
        public List<String> getMappingFileNames() {
            return List.of();
        }

        @Override
        public List<URL> getJarFileUrls() {
            return List.of();
        }

        @Override
        public URL getPersistenceUnitRootUrl() {
            // EclipseLink wants a root; with excludeUnlistedClasses it is not scanned.
            Bundle b = FrameworkUtil.getBundle(JpaUnit.class);
            if (b != null) {
                return b.getEntry("/");
            }
            return JpaUnit.class.getProtectionDomain().getCodeSource().getLocation();
        }

        @Override
        public List<String> getManagedClassNames() {
            return classes.stream().map(Class::getName).sorted().toList();
        }

        @Override
        public boolean excludeUnlistedClasses() {
            return true;
        }

        @Override
        public SharedCacheMode getSharedCacheMode() {
            return SharedCacheMode.NONE;
        }

        @Override
        public ValidationMode getValidationMode() {
            return ValidationMode.NONE;
        }

        @Override
        public Properties getProperties() {
            return new Properties();
        }

        @Override
        public String getPersistenceXMLSchemaVersion() {
            return "3.2";
        }

        @Override
        public ClassLoader getClassLoader() {
            return loader;
        }

        @Override
        public void addTransformer(ClassTransformer transformer) {
            // no weaving inside OSGi
        }

        @Override
        public ClassLoader getNewTempClassLoader() {
            return loader;
        }
    }
}
