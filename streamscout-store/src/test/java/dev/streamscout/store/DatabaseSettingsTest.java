package dev.streamscout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseSettingsTest {

    @Test
    void h2FileUrlIsAbsoluteAndInPostgresMode() {
        DatabaseSettings s = DatabaseSettings.h2File(Path.of("data"));

        String expectedPath = Path.of("data").toAbsolutePath().resolve("db").resolve("streamscout").toString();
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:h2:file:" + expectedPath
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(s.isPostgres()).isFalse();
        assertThat(s.driverClassName()).isEqualTo("org.h2.Driver");
    }

    @Test
    void libpqStyleUrlBecomesJdbcWithCredentialsMovedOut() {
        DatabaseSettings s = DatabaseSettings.fromPostgresUrl(
                "postgresql://scout:s%40cret@db.example:6543/twitch?sslmode=require", null, null);

        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/twitch?sslmode=require");
        assertThat(s.user()).isEqualTo("scout");
        assertThat(s.password()).isEqualTo("s@cret");
        assertThat(s.isPostgres()).isTrue();
        assertThat(s.driverClassName()).isEqualTo("org.postgresql.Driver");
    }

    @Test
    void postgresSchemeWithoutPortOrCredentials() {
        DatabaseSettings s = DatabaseSettings.fromPostgresUrl("postgres://localhost/twitch", null, null);

        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/twitch");
        assertThat(s.user()).isEmpty();
        assertThat(s.password()).isEmpty();
    }

    @Test
    void explicitUserAndPasswordWinOverTheUrl() {
        DatabaseSettings s = DatabaseSettings.fromPostgresUrl("postgresql://a:b@host:5432/db", "env-user", "env-pass");

        assertThat(s.user()).isEqualTo("env-user");
        assertThat(s.password()).isEqualTo("env-pass");
    }

    @Test
    void jdbcUrlPassesThrough() {
        DatabaseSettings s = DatabaseSettings.fromPostgresUrl(" jdbc:postgresql://postgres:5432/twitch ", "u", "p");

        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://postgres:5432/twitch");
        assertThat(s).extracting(DatabaseSettings::user, DatabaseSettings::password).containsExactly("u", "p");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mysql://host/db", "localhost:5432/db", "postgresql://", "postgresql://host:port/db",
        "jdbc:postgresql://host:notaport/db"})
    void badUrlNamesTheValueAndTheExpectedForm(String url) {
        assertThatThrownBy(() -> DatabaseSettings.fromPostgresUrl(url, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + url + "'")
                .hasMessageContaining("postgresql://user:password@host:5432/database");
    }

    @Test
    void nullUrlIsRejectedClearly() {
        assertThatThrownBy(() -> DatabaseSettings.fromPostgresUrl(null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POSTGRES_URL");
    }

    @Test
    void toStringHidesPasswords() {
        DatabaseSettings s = DatabaseSettings.fromPostgresUrl("postgresql://scout:hunter2@host/db", null, null);
        DatabaseSettings inUrl = new DatabaseSettings("jdbc:postgresql://host/db?user=x&password=hunter2&ssl=true", "", "");

        assertThat(s.toString()).doesNotContain("hunter2").contains("scout").contains("****");
        assertThat(inUrl.toString()).doesNotContain("hunter2").contains("ssl=true");
    }

    @Test
    void badUrlMessageHidesThePassword() {
        assertThatThrownBy(() -> DatabaseSettings.fromPostgresUrl("mysql://scout:hunter2@host/db", null, null))
                .hasMessageNotContaining("hunter2");
    }
}
