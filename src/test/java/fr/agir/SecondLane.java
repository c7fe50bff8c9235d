package fr.agir;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the real engine, job executor off, as {@link ProcessTestSupport} but without its
 * coverage check, on a MariaDB database of its own ({@code agir.test.jdbc-url-2}: {@code <db>_unit2} in the build,
 * the same database as the other tests with {@code -Pbench}). The classes that carry it (the Commission's process
 * test and the benchmarks' smoke runs) share this one context and run beside the process tests (see
 * junit-platform.properties), one class at a time: they write rows with explicit ids (the benchmarks' generator),
 * which must never meet the process tests' inserts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = "spring.datasource.url=${agir.test.jdbc-url-2:jdbc:mariadb://127.0.0.1:3306/"
        + "agir_test_dev2?createDatabaseIfNotExist=true&nullDatabaseMeansCurrent=true}")
@ActiveProfiles({"mariadb", "test"})
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SecondLane.DATABASE)
public @interface SecondLane {
    /** The lock that keeps the classes of this context (and of its database) one at a time. */
    String DATABASE = "agir.test.jdbc-url-2";
}
