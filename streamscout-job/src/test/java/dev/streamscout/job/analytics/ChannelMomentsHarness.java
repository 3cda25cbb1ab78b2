package dev.streamscout.job.analytics;

import dev.streamscout.core.highlight.Moment;
import dev.streamscout.core.stream.StreamLifecycleEvent;
import dev.streamscout.store.StoredMoment;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

/** The moments step ({@link ChannelMomentsFunction}, default viewer-drop rule) in Flink's keyed two-input harness. */
final class ChannelMomentsHarness {

    private ChannelMomentsHarness() {}

    /** Opened, keyed by channel id on both inputs; the test closes it. */
    static KeyedTwoInputStreamOperatorTestHarness<String, Moment, StreamLifecycleEvent, StoredMoment> open()
            throws Exception {
        KeyedTwoInputStreamOperatorTestHarness<String, Moment, StreamLifecycleEvent, StoredMoment> harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(new ChannelMomentsFunction(ViewerDropRule.defaults())),
                        Moment::channelId, StreamLifecycleEvent::channelId, Types.STRING);
        harness.open();
        return harness;
    }
}
