package dev.streamscout.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveHubTest {

    private static LiveEvent rate(String channelId, String login, int n) {
        return new LiveEvent("chat_rate", channelId, login, "{\"type\":\"chat_rate\",\"channel_id\":\"" + channelId
                + "\",\"messages\":" + n + "}");
    }

    @Test
    void a_subscriber_gets_only_the_events_its_filter_accepts_in_order() throws Exception {
        LiveHub hub = new LiveHub(16);
        LiveSubscription one = hub.subscribe(e -> e.channelId().equals("42"));
        LiveSubscription all = hub.subscribe(e -> true);

        hub.publish(rate("42", "shroud", 1));
        hub.publish(rate("7", "other", 2));
        hub.publish(rate("42", "shroud", 3));

        assertThat(one.next(100).json()).contains("\"messages\":1");
        assertThat(one.next(100).json()).contains("\"messages\":3");
        assertThat(one.next(50)).isNull();
        assertThat(all.next(100).channelId()).isEqualTo("42");
        assertThat(all.next(100).channelId()).isEqualTo("7");
        assertThat(all.next(100).channelId()).isEqualTo("42");
        assertThat(hub.publishedCount()).isEqualTo(3);
        assertThat(hub.deliveredCount()).isEqualTo(5);
    }

    @Test
    void a_slow_subscriber_is_dropped_and_counted_and_the_others_keep_receiving() throws Exception {
        LiveHub hub = new LiveHub(2);
        LiveSubscription slow = hub.subscribe(e -> true);
        LiveSubscription fast = hub.subscribe(e -> true);

        for (int i = 0; i < 5; i++) {
            hub.publish(rate("42", "shroud", i));
            assertThat(fast.next(100)).isNotNull(); // keeps up
        }

        assertThat(slow.isOpen()).isFalse();
        assertThat(slow.end()).isEqualTo(LiveSubscription.End.TOO_SLOW);
        assertThat(slow.next(10)).isNull();
        assertThat(fast.isOpen()).isTrue();
        assertThat(hub.droppedCount()).isEqualTo(1);
        assertThat(hub.subscriberCount()).isEqualTo(1);
    }

    @Test
    void a_closed_subscription_leaves_the_hub_and_close_all_ends_the_rest() {
        LiveHub hub = new LiveHub(4);
        LiveSubscription a = hub.subscribe(e -> true);
        LiveSubscription b = hub.subscribe(e -> true);
        a.close();
        assertThat(a.end()).isEqualTo(LiveSubscription.End.CLIENT_LEFT);
        assertThat(hub.subscriberCount()).isEqualTo(1);
        hub.closeAll();
        assertThat(b.end()).isEqualTo(LiveSubscription.End.SERVER_STOPPED);
        assertThat(hub.subscriberCount()).isZero();
        assertThat(hub.droppedCount()).isZero();
    }

    @Test
    void channels_seen_on_events_are_known_by_id_and_by_login_in_any_case() {
        LiveHub hub = new LiveHub();
        hub.publish(rate("42", "Shroud", 1));
        hub.publish(rate("42", null, 2)); // an event without a login does not forget it

        assertThat(hub.knownChannel("42")).contains("42");
        assertThat(hub.knownChannel("shroud")).contains("42");
        assertThat(hub.knownChannel("SHROUD")).contains("42");
        assertThat(hub.knownChannel("nope")).isEmpty();
        assertThat(hub.loginOf("42")).contains("shroud");
    }
}
