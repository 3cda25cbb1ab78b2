package dev.streamscout.app.wiring;

import dev.streamscout.app.config.ConfigException;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.store.DatabaseSettings;

/** The PostgreSQL settings of a service that cannot do without them (the separate job and API). */
final class RequiredPostgres {

    private RequiredPostgres() {}

    /**
     * @param why what the service uses PostgreSQL for, to start the error message with
     * @throws ConfigException when POSTGRES_URL is missing or malformed
     */
    static DatabaseSettings of(StreamScoutConfig config, String why) {
        String url = config.postgresUrl().orElseThrow(() -> new ConfigException("POSTGRES_URL is not set: " + why
                + "; set POSTGRES_URL (e.g. jdbc:postgresql://db:5432/streamscout), or use 'streamscout run'"
                + " for everything in one process"));
        try {
            return DatabaseSettings.fromPostgresUrl(url, blankToNull(config.postgresUser()),
                    blankToNull(config.postgresPassword())).withPool(config.databasePool());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("POSTGRES_URL: " + e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
