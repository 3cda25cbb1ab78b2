package dev.streamscout.sim.chat;

/**
 * Who writes a simulated message and in which register, in ordinary chat and during a scripted hype,
 * set so that the simulated chat measures like real chat around real highlights.
 *
 * <p>Measured by {@code HypeChatProfile} (streamscout-app tests) on the 14 labelled highlights of the
 * kimdoe dev VODs ({@code LabelledHypeShapeTest}: each highlight's elevated span against
 * [L - 330 s, L - 30 s), commands left out) and, the same way, on the simulator's hypes
 * ({@code SimulatedHypeDetectionTest}):
 * <pre>
 *   mvn -B -o -pl streamscout-app test -Dtest='LabelledHypeShapeTest,SimulatedHypeDetectionTest' \
 *       -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * p50 over the highlights (p10-p90 for the real ones):
 * <pre>
 *                                                     real             simulator   simulator
 *                                                                      before      with this
 *   messages from users unseen for 5 min, baseline    0.21 (.16-.25)   0.13        0.22
 *                                       in the hype   0.26 (.14-.33)   0.12        0.25
 *   messages from users unseen for 10 min, baseline   0.16 (.11-.20)   0.04        0.12-0.13
 *                                        in the hype  0.22 (.12-.28)   0.04        0.17
 *   loud messages (ChatSignals.isLoud), baseline      0.15 (.08-.23)   0.04        0.14
 *                                       in the hype   0.33 (.10-.46)   0.49        0.23-0.34
 *   distinct chatters in 30 s, hype peak x baseline   2.67 (1.58-5.16) 2.56        2.67-2.81
 *   detector activity in 30 s, hype peak x baseline   3.55 (1.88-7.19) 4.15        3.15-3.29
 * </pre>
 * (Ranges on the simulator's side are over runs; a hype's loudness depends on its mood.)
 * Real hypes bring in people who were not chatting (lurkers), while the simulator drew every message
 * from its regulars; and real chat shouts more in ordinary times and less in a hype than the
 * simulator did (kimdoe's chat laughs in "ㅋㅋㅋㅋ", which counts as loud). Emote density is not
 * matched: kimdoe's Korean chat writes few emotes (about 2-3 % of messages, by tag or emote-shaped
 * word, rising about 1.5x in a hype), an English-speaking top channel many more; the simulator keeps
 * its own level (about half of ordinary messages) and its hype rise (about 1.6x). The detector does
 * not weigh emotes.
 */
final class ChatterMix {

    /** Share of ordinary messages written by a passer-by (a viewer from outside the regulars). */
    static final double ORDINARY_PASSER_BY_SHARE = 0.13;
    /** Share of messages in a hype written by a passer-by: lurkers join in. */
    static final double HYPE_PASSER_BY_SHARE = 0.22;
    /** Share of ordinary messages that shout (caps, a token three times, a repeated character). */
    static final double ORDINARY_SHOUT_SHARE = 0.12;
    /**
     * Share of messages in a hype that react to it (emote spam, capitals); the rest is the channel's
     * usual chat going on.
     */
    static final double HYPE_TEXT_SHARE = 0.45;

    private ChatterMix() {}
}
