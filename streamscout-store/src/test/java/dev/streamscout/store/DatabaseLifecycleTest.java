package dev.streamscout.store;

import org.junit.jupiter.api.Nested;

class DatabaseLifecycleTest {

    @Nested
    class OnH2 extends DatabaseLifecycleContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends DatabaseLifecycleContract {
        @Override
        TestDatabase createTestDatabase() {
            return TestDatabase.postgres();
        }
    }
}
