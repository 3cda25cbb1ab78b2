package dev.streamscout.store;

import org.junit.jupiter.api.Nested;

class ReadQueriesTest {

    @Nested
    class OnH2 extends ReadQueriesContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends ReadQueriesContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.postgres();
        }
    }
}
