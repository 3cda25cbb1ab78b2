package dev.streamscout.job.analytics;

import dev.streamscout.store.ChatMinuteSummary;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Window adapter: stamps a channel-minute's tally with its minute and emits the summary row. */
public class MinuteSummaryWindow extends ProcessWindowFunction<ChatMinuteTally, ChatMinuteSummary, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    @Override
    public void process(String channelId, Context context, Iterable<ChatMinuteTally> tallies,
            Collector<ChatMinuteSummary> out) {
        for (ChatMinuteTally tally : tallies) {
            out.collect(tally.toSummary(context.window().getStart()));
        }
    }
}
