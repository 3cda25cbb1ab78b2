package dev.streamscout.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.streamscout.app.analyze.Scoring.Detected;
import dev.streamscout.app.analyze.Scoring.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static Label point(String vod, long at) {
        return new Label(vod, at, at);
    }

    @Test
    void a_point_label_is_hit_from_30_s_before_to_90_s_after_inclusive() {
        List<Label> labels = List.of(point("v", 1000));
        Map<String, Double> hours = Map.of("v", 1.0);

        assertThat(Scoring.points(List.of(new Detected("v", 970, 1)), labels, hours).recallAtAll()).isEqualTo(1.0);
        assertThat(Scoring.points(List.of(new Detected("v", 1090, 1)), labels, hours).recallAtAll()).isEqualTo(1.0);
        assertThat(Scoring.points(List.of(new Detected("v", 969, 1)), labels, hours).recallAtAll()).isZero();
        assertThat(Scoring.points(List.of(new Detected("v", 1091, 1)), labels, hours).recallAtAll()).isZero();
        assertThat(Scoring.points(List.of(new Detected("other", 1000, 1)), labels, hours).recallAtAll()).isZero();
    }

    @Test
    void recall_at_k_ranks_by_intensity_within_each_vod() {
        List<Detected> detections = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            detections.add(new Detected("a", 10_000 + i * 1000, 100 - i)); // strong decoys, strongest first
        }
        detections.add(new Detected("a", 500, 50)); // rank 13 on a: hits a's label only at "all"
        detections.add(new Detected("b", 500, 1)); // the only one on b: rank 1 however weak
        List<Label> labels = List.of(point("a", 500), point("b", 500));

        Scoring.PointScores s = Scoring.points(detections, labels, Map.of("a", 2.0, "b", 2.0));

        assertThat(s.recallAt5()).isEqualTo(0.5);
        assertThat(s.recallAt10()).isEqualTo(0.5);
        assertThat(s.recallAtAll()).isEqualTo(1.0);
        assertThat(s.detections()).isEqualTo(14);
        assertThat(s.detectionsPerHour()).isCloseTo(3.5, within(1e-9));
    }

    @Test
    void an_interval_is_hit_from_10_s_before_its_start_to_45_s_after_its_end() {
        Label interval = new Label("k", 100, 200);
        assertThat(Scoring.hitsInterval(new Detected("k", 90, 1), interval)).isTrue();
        assertThat(Scoring.hitsInterval(new Detected("k", 245, 1), interval)).isTrue();
        assertThat(Scoring.hitsInterval(new Detected("k", 89, 1), interval)).isFalse();
        assertThat(Scoring.hitsInterval(new Detected("k", 246, 1), interval)).isFalse();
    }

    @Test
    void precision_and_recall_over_the_top_n_where_n_is_the_number_of_intervals() {
        List<Label> labels = List.of(new Label("k", 100, 200), new Label("k", 1000, 1000));
        List<Detected> detections = List.of(
                new Detected("k", 150, 9), // top 1: hits the first interval
                new Detected("k", 5000, 8), // top 2: a miss
                new Detected("k", 1000, 7), // third: outside the top 2, does not count
                new Detected("k", 160, 6));

        Scoring.IntervalScores s = Scoring.intervals(detections, labels);

        assertThat(s.n()).isEqualTo(2);
        assertThat(s.precisionAtN()).isEqualTo(0.5);
        assertThat(s.recallAtN()).isEqualTo(0.5);
    }

    @Test
    void two_detections_on_one_interval_both_count_for_precision_but_it_is_found_once() {
        List<Label> labels = List.of(new Label("k", 100, 200), new Label("k", 1000, 1000));
        Scoring.IntervalScores s = Scoring.intervals(
                List.of(new Detected("k", 150, 9), new Detected("k", 190, 8)), labels);
        assertThat(s.precisionAtN()).isEqualTo(1.0);
        assertThat(s.recallAtN()).isEqualTo(0.5);
    }
}
