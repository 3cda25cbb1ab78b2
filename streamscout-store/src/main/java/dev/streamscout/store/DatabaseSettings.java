package dev.streamscout.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the database is and how to log in: an embedded H2 file (the all-in-one default) or a
 * PostgreSQL server.
 *
 * <p>The same settings are given to the connection pool of {@link Database} and to any other
 * component that opens its own connections (the Flink JDBC sink), so every party uses an identical
 * URL. With H2 in file mode that matters: all connections in one JVM to the same URL share one
 * embedded database engine, which is what lets several pools coexist in the all-in-one process.
 *
 * @param jdbcUrl  JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql:...})
 * @param user     user name (may be empty)
 * @param password password (may be empty; never printed)
 * @param pool     the connection pool's sizes and timeouts ({@link PoolSettings#DEFAULTS} unless configured)
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, PoolSettings pool) {

    /** Options every embedded H2 URL carries: PostgreSQL dialect, lower-case names, PostgreSQL null ordering. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static final String H2_USER = "sa";
    private static final String POSTGRES_FORM =
            "postgresql://user:password@host:5432/database or jdbc:postgresql://host:5432/database";
    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("(?i)(password=)[^&;]*");

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("JDBC URL must start with 'jdbc:', got '" + redact(jdbcUrl) + "'");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        pool = pool == null ? PoolSettings.DEFAULTS : pool;
    }

    /** With the default pool. */
    public DatabaseSettings(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, PoolSettings.DEFAULTS);
    }

    /** The same database with another connection pool. */
    public DatabaseSettings withPool(PoolSettings pool) {
        return new DatabaseSettings(jdbcUrl, user, password, Objects.requireNonNull(pool, "pool"));
    }

    /**
     * The embedded database of the all-in-one mode: {@code <dataDir>/db/streamscout.mv.db}.
     * The path is made absolute because H2 refuses paths that are implicitly relative.
     */
    public static DatabaseSettings h2File(Path dataDir) {
        Path base = dataDir.toAbsolutePath().normalize().resolve("db").resolve("streamscout");
        // H2 wants forward slashes in the URL on every platform.
        String path = base.toString().replace('\\', '/');
        return new DatabaseSettings("jdbc:h2:file:" + path + H2_OPTIONS, H2_USER, "");
    }

    /**
     * Reads the {@code POSTGRES_URL} forms the seed documents use.
     *
     * <ul>
     *   <li>{@code postgresql://user:pass@host:5432/db?sslmode=require} (also {@code postgres://});
     *       user and password in the URL are percent-decoded and moved out of it, since the JDBC
     *       driver does not read them there;</li>
     *   <li>{@code jdbc:postgresql://host:5432/db?...}, passed through unchanged.</li>
     * </ul>
     *
     * @param url            the URL
     * @param userOrNull     {@code POSTGRES_USER}; when given it wins over a user in the URL
     * @param passwordOrNull {@code POSTGRES_PASSWORD}; when given it wins over a password in the URL
     * @throws IllegalArgumentException when the URL has neither form; the message names the value
     *                                  (password hidden) and the expected forms
     */
    public static DatabaseSettings fromPostgresUrl(String url, String userOrNull, String passwordOrNull) {
        if (url == null || url.isBlank()) {
            throw invalid(String.valueOf(url), "it is empty");
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        String jdbcUrl;
        String user = null;
        String password = null;
        if (lower.startsWith("jdbc:postgresql:")) {
            jdbcUrl = trimmed;
        } else if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            URI uri;
            try {
                uri = new URI(trimmed);
            } catch (URISyntaxException e) {
                throw invalid(trimmed, e.getReason());
            }
            if (uri.getHost() == null) {
                throw invalid(trimmed, "it has no host");
            }
            String userInfo = uri.getRawUserInfo();
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
                password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
            }
            StringBuilder b = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
            if (uri.getPort() >= 0) {
                b.append(':').append(uri.getPort());
            }
            b.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
            if (uri.getRawQuery() != null) {
                b.append('?').append(uri.getRawQuery());
            }
            jdbcUrl = b.toString();
        } else {
            throw invalid(trimmed, "unknown scheme");
        }
        // The driver's own parser is the authority on what it will accept.
        if (org.postgresql.Driver.parseURL(jdbcUrl, null) == null) {
            throw invalid(trimmed, "the PostgreSQL driver cannot parse it");
        }
        return new DatabaseSettings(jdbcUrl,
                userOrNull != null ? userOrNull : user,
                passwordOrNull != null ? passwordOrNull : password);
    }

    /** True for a PostgreSQL server, false for embedded H2. */
    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The JDBC driver class for this URL, for components that load drivers by name. */
    public String driverClassName() {
        if (isPostgres()) {
            return "org.postgresql.Driver";
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        throw new IllegalStateException("No known driver for " + redact(jdbcUrl));
    }

    /** Never shows the password, not even one passed inside the URL. */
    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + redact(jdbcUrl) + ", user=" + user
                + ", password=" + (password.isEmpty() ? "" : "****") + ", pool=" + pool + "]";
    }

    private static String redact(String url) {
        String noParam = PASSWORD_PARAM.matcher(url).replaceAll("$1****");
        // user:secret@host
        return noParam.replaceAll("(//[^/:@?]*:)[^@/]*@", "$1****@");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String value, String why) {
        return new IllegalArgumentException("Invalid POSTGRES_URL '" + redact(value) + "' (" + why
                + "); expected " + POSTGRES_FORM);
    }
}
