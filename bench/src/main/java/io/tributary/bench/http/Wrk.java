package io.tributary.bench.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (Debian's package) as a separate process and reads its summary. */
final class Wrk {
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern PCT = Pattern.compile("^\\s+(50|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);

    /** A wrk run's figures: requests per second, latency percentiles in ms, failed requests. */
    record Result(double rps, double p50, double p90, double p99, long errors, String raw) {
    }

    private Wrk() {
    }

    static Result run(String url, int connections, int seconds, Path script) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency"));
        if (script != null) {
            cmd.add("-s");
            cmd.add(script.toString());
        }
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("wrk failed: " + out);
        }
        Matcher rps = RPS.matcher(out);
        if (!rps.find()) {
            throw new IOException("no Requests/sec in wrk output: " + out);
        }
        double p50 = 0;
        double p90 = 0;
        double p99 = 0;
        Matcher m = PCT.matcher(out);
        while (m.find()) {
            double v = Double.parseDouble(m.group(2)) * switch (m.group(3)) {
                case "us" -> 0.001;
                case "s" -> 1000;
                default -> 1;
            };
            switch (m.group(1)) {
                case "50" -> p50 = v;
                case "90" -> p90 = v;
                default -> p99 = v;
            }
        }
        long errors = 0;
        Matcher n = NON2XX.matcher(out);
        if (n.find()) {
            errors += Long.parseLong(n.group(1));
        }
        Matcher e = ERRORS.matcher(out);
        if (e.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(e.group(i));
            }
        }
        return new Result(Double.parseDouble(rps.group(1)), p50, p90, p99, errors, out);
    }
}
