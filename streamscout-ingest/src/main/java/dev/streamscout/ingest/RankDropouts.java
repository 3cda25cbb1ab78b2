package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In top-N mode, what became of the channels the monitor tracks as online that this poll's monitored
 * ranks do not list.
 *
 * <p>Falling out of the ranks is not going offline: a channel near the leave threshold moves in and out
 * of the top N from one poll to the next as viewer counts wobble. Treating "not ranked" as "maybe
 * ended" and leaving it to the online TTL made such channels flap OFFLINE/ONLINE (each ONLINE looking
 * like a new stream start). So every tracked channel missing from the ranks is decided on evidence:
 * listed further down the same answer, or asked for by login (one Get Streams call per 100 channels),
 * it is still live; asked for and not returned, it ended.
 */
final class RankDropouts {

    /**
     * @param stillLive tracked channels outside the ranks that Twitch still reports live
     * @param ended     tracked channels Twitch no longer reports live, login by channel id
     */
    record Outcome(List<StreamStatus> stillLive, Map<String, String> ended) {}

    private RankDropouts() {}

    /**
     * @param tracked channels online now, login by channel id
     * @param ranked  the monitored ranks of this poll
     * @param answer  the whole answer of this poll (may go below the ranks)
     * @throws RuntimeException when Get Streams by login fails: nothing can be decided then
     */
    static Outcome check(Map<String, String> tracked, List<StreamStatus> ranked, List<StreamStatus> answer,
            LiveStreams streams) {
        Set<String> rankedIds = new HashSet<>();
        ranked.forEach(s -> rankedIds.add(s.channelId()));
        Map<String, StreamStatus> answered = new HashMap<>();
        answer.forEach(s -> answered.putIfAbsent(s.channelId(), s));

        List<StreamStatus> stillLive = new ArrayList<>();
        Map<String, String> missing = new LinkedHashMap<>();
        tracked.forEach((id, login) -> {
            if (rankedIds.contains(id)) {
                return;
            }
            StreamStatus lower = answered.get(id);
            if (lower != null) {
                stillLive.add(lower);
            } else if (login != null && !login.isBlank()) {
                missing.put(id, login);
            }
            // Without a login it cannot be asked for: its online TTL decides, as before.
        });
        Map<String, String> ended = new LinkedHashMap<>();
        if (!missing.isEmpty()) {
            // Matched by id, which never changes: a renamed channel is not found under its old login and ends.
            Map<String, StreamStatus> byId = new HashMap<>();
            for (StreamStatus s : streams.streamsByLogin(missing.values())) {
                byId.putIfAbsent(s.channelId(), s);
            }
            missing.forEach((id, login) -> {
                StreamStatus live = byId.get(id);
                if (live != null) {
                    stillLive.add(live);
                } else {
                    ended.put(id, login);
                }
            });
        }
        return new Outcome(List.copyOf(stillLive), ended);
    }
}
