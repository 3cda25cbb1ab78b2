package dev.streamscout.store;

import org.junit.jupiter.api.Nested;

class RetentionJobTest {

    @Nested
    class OnH2 extends RetentionJobContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends RetentionJobContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.postgres();
        }
    }
}
