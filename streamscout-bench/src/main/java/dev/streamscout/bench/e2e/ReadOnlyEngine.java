package dev.streamscout.bench.e2e;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.job.HighlightJob;
import dev.streamscout.job.JobSettings;
import dev.streamscout.job.io.ChatMessageJsonReader;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Not a detector but the floor under every Flink engine here: the replayed lines read and parsed
 * with ours' reader, commands dropped and event time stamped as ours does, then discarded. Nothing is
 * detected, so it finds no spike. Ours does all of this and then detects, so its CPU per message
 * cannot go below this one's, which bounds the CPU ratio ours can reach against the seed: seed CPU /
 * this CPU.
 */
final class ReadOnlyEngine implements Engine {

    static final String NAME = "read-only";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "reference, no detection: read, parse, drop commands, stamp event time, discard (Flink)";
    }

    @Override
    public boolean detects() {
        return false;
    }

    @Override
    public void run(long messages) throws Exception {
        StreamExecutionEnvironment env = FlinkReplay.environment();
        FlinkReplay.chat(env, messages, ChatMessageJsonReader::read)
                .filter(message -> !message.isCommand()).setParallelism(1).name("Drop !commands")
                .assignTimestampsAndWatermarks(HighlightJob.chatEventTime(JobSettings.defaults()))
                .setParallelism(1).name("Event time from tmi-sent-ts")
                .sinkTo(new DiscardingSink<ChatMessage>()).setParallelism(1).name("Discard");
        env.execute("bench-" + name());
    }
}
