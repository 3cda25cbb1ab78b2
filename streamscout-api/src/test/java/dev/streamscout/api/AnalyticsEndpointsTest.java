package dev.streamscout.api;

import org.junit.jupiter.api.Nested;

/** The analytics endpoints on both databases the store supports. */
class AnalyticsEndpointsTest {

    @Nested
    class OnH2 extends AnalyticsEndpointsContract {
        @Override
        TestStore createStore() {
            return TestStore.h2();
        }
    }

    @Nested
    class OnPostgres extends AnalyticsEndpointsContract {
        @Override
        TestStore createStore() {
            return TestStore.postgres();
        }
    }
}
