package fr.agir.api;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements one HTTP request runs, whatever sends them (Hibernate, JdbcTemplate, the
 * engine): the application's DataSource hands out connections whose statements record each execution
 * in the request thread's tally, and a servlet filter opens the tally for a request carrying the
 * header {@value #HEADER} and keeps the statements under that header's value once the response is
 * written (the page rendered included). Statements of other threads (the job executor) are not counted.
 */
@TestConfiguration(proxyBeanMethods = false)
class SqlStatementCounter {
    static final String HEADER = "X-Count-Sql";
    private static final ThreadLocal<List<String>> TALLY = new ThreadLocal<>();
    private static final Map<String, List<String>> RECORDED = new ConcurrentHashMap<>();

    /** The statements the request sent with {@code X-Count-Sql: key} ran, in order. */
    static List<String> statementsOf(String key) {
        List<String> statements = RECORDED.get(key);
        if (statements == null) {
            throw new AssertionError("no request counted under " + key);
        }
        return statements;
    }

    /** The statements, each with how many times it ran, for a failure's message. */
    static String grouped(List<String> statements) {
        return new TreeMap<>(statements.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting())))
                .entrySet().stream().map(e -> e.getValue() + " × " + e.getKey()).collect(Collectors.joining("\n"));
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
                    return new Counting(dataSource);
                }
                return bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<Filter> sqlCountingFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            String key = ((HttpServletRequest) request).getHeader(HEADER);
            if (key == null) {
                chain.doFilter(request, response);
                return;
            }
            List<String> tally = new ArrayList<>();
            TALLY.set(tally);
            try {
                chain.doFilter(request, response);
            } finally {
                TALLY.remove();
                RECORDED.put(key, List.copyOf(tally));
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The pool, with connections whose statements are counted. */
    static final class Counting extends DelegatingDataSource {
        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(super.getConnection(username, password));
        }
    }

    private static Connection counted(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            if (result instanceof Statement statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                Class<?> type = result instanceof CallableStatement ? CallableStatement.class
                        : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(), new Class<?>[] {type},
                        (p, m, a) -> {
                            if (m.getName().startsWith("execute")) {
                                List<String> tally = TALLY.get();
                                if (tally != null) {
                                    tally.add(sql != null ? sql : a != null && a.length > 0 ? String.valueOf(a[0]) : "?");
                                }
                            }
                            return invoke(statement, m, a);
                        });
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
