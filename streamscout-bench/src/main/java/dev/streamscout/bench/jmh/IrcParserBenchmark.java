package dev.streamscout.bench.jmh;

import dev.streamscout.twitch.irc.IrcLineParser;
import dev.streamscout.twitch.irc.IrcMessage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link IrcLineParser} on tagged PRIVMSG lines as Twitch sends them (badges, emotes, escaped
 * display names, replies): operations per second is messages per second on one thread; run with
 * {@code -prof gc} for bytes allocated per message ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class IrcParserBenchmark {

    private static final String[] LINES = {
        "@badge-info=subscriber/22;badges=moderator/1,subscriber/12;color=#19E6E6;display-name=randers;emotes=25:0-4,6-10;"
                + "first-msg=0;flags=;id=d831d848-b7c7-4559-ae3a-2cb88f4dbfed;mod=1;room-id=11148817;subscriber=1;"
                + "tmi-sent-ts=1594555275886;turbo=0;user-id=40286300;user-type=mod "
                + ":randers!randers@randers.tmi.twitch.tv PRIVMSG #pajlada :Kappa Kappa what a play",
        "@badge-info=;badges=;client-nonce=815810609edecdf4537bd9586994182b;color=;display-name=CarvedTaleare\\s;emotes=;"
                + "flags=;id=c9b941d9-a0ab-4534-9903-971768fcdf10;mod=0;room-id=22484632;subscriber=0;"
                + "tmi-sent-ts=1594554085753;turbo=0;user-id=467684514;user-type= "
                + ":carvedtaleare!carvedtaleare@carvedtaleare.tmi.twitch.tv PRIVMSG #forsen :NaM",
        "@badge-info=;badges=;client-nonce=cd56193132f934ac71b4d5ac488d4bd6;color=;display-name=LeftSwing;emotes=;"
                + "first-msg=0;flags=;id=5b4f63a9-776f-4fce-bf3c-d9707f52e32d;mod=0;reply-parent-display-name=Retoon;"
                + "reply-parent-msg-body=hello;reply-parent-msg-id=6b13e51b-7ecb-43b5-ba5b-2bb5288df696;"
                + "reply-parent-user-id=37940952;reply-parent-user-login=retoon;returning-chatter=0;room-id=37940952;"
                + "subscriber=0;tmi-sent-ts=1673925983585;turbo=0;user-id=133651738;user-type= "
                + ":leftswing!leftswing@leftswing.tmi.twitch.tv PRIVMSG #retoon :@Retoon yes",
        "@badge-info=;badges=premium/1;color=#0000FF;display-name=JuN1oRRRR;emotes=;flags=;"
                + "id=e9d998c3-36f1-430f-89ec-6b887c28af36;mod=0;room-id=11148817;subscriber=0;"
                + "tmi-sent-ts=1594545155039;turbo=0;user-id=29803735;user-type= "
                + ":jun1orrrr!jun1orrrr@jun1orrrr.tmi.twitch.tv PRIVMSG #pajlada :\u0001ACTION dank cam LETS GO\u0001",
    };

    private int next;

    @Benchmark
    public IrcMessage parse() {
        String line = LINES[next];
        next = (next + 1) & 3;
        return IrcLineParser.parse(line);
    }
}
