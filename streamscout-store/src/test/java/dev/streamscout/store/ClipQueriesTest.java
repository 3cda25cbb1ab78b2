package dev.streamscout.store;

import org.junit.jupiter.api.Nested;

class ClipQueriesTest {

    @Nested
    class OnH2 extends ClipQueriesContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends ClipQueriesContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.postgres();
        }
    }
}
