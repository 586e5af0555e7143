package io.repram.orchestrate.report;

import io.repram.orchestrate.results.AtomicFiles;
import io.repram.orchestrate.results.CellResult;
import io.repram.orchestrate.results.Breach;
import io.repram.orchestrate.scenario.Scenario;
import io.repram.orchestrate.gate.ThresholdEvaluator;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.xml} in JUnit XML, which CI systems display natively: one testcase per cell. A
 * cell that breached thresholds has one failure listing every breach (the format allows one per
 * testcase, and CI tools show only the first); a skipped cell is {@code <skipped/>}, not a pass.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static void write(Path file, Scenario scenario, Instant startedAt, List<CellResult> results,
                             ThresholdEvaluator evaluator) {
        List<CellResult> ordered = results.stream().sorted(Comparator.comparingInt(r -> r.cell().index())).toList();
        AtomicFiles.write(file, out -> {
            try {
                writeXml(out, scenario, startedAt, ordered, evaluator);
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        });
    }

    private static void writeXml(Writer out, Scenario scenario, Instant startedAt, List<CellResult> results,
                                 ThresholdEvaluator evaluator) throws XMLStreamException {
        List<List<Breach>> breaches = results.stream().map(evaluator::evaluate).toList();
        long skipped = results.stream().filter(r -> !r.measuredInFull()).count();
        long failures = 0;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).measuredInFull() && !breaches.get(i).isEmpty()) failures++;
        }
        double totalSeconds = results.stream().mapToDouble(JUnitReport::seconds).sum();
        String count = Integer.toString(results.size());

        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.writeStartElement("testsuites");
        x.writeAttribute("name", "repram-orchestrate");
        x.writeAttribute("tests", count);
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Long.toString(skipped));
        x.writeAttribute("time", seconds(totalSeconds));
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", scenario.name());
        x.writeAttribute("tests", count);
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Long.toString(skipped));
        x.writeAttribute("time", seconds(totalSeconds));
        x.writeAttribute("timestamp", startedAt.toString());
        for (int i = 0; i < results.size(); i++) {
            CellResult r = results.get(i);
            // A skipped cell's figures cover part of its window: judging them against the gates would be noise.
            List<Breach> cellBreaches = r.measuredInFull() ? breaches.get(i) : List.of();
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            x.writeAttribute("classname", "repram." + scenario.name());
            x.writeAttribute("name", r.cell().id());
            x.writeAttribute("time", seconds(seconds(r)));
            if (!r.measuredInFull()) {
                x.writeCharacters("\n      ");
                x.writeEmptyElement("skipped");
                x.writeAttribute("message", r.statusReason() == null ? "skipped" : r.statusReason());
            } else if (!cellBreaches.isEmpty()) {
                x.writeCharacters("\n      ");
                x.writeStartElement("failure");
                x.writeAttribute("type", "threshold");
                x.writeAttribute("message", failureMessage(cellBreaches));
                x.writeCharacters(String.join("\n", cellBreaches.stream().map(b -> b.metric() + " measured "
                        + String.format(Locale.ROOT, "%.3f", b.measured()) + ", bound " + b.metric() + " "
                        + b.expression()).toList()));
                x.writeEndElement();
            }
            x.writeCharacters("\n      ");
            x.writeStartElement("system-out");
            x.writeCharacters(systemOut(r, cellBreaches));
            x.writeEndElement();
            x.writeCharacters("\n    ");
            x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndDocument();
        x.flush();
    }

    /** {@code "success_rate = 97, required >= 99"}, or {@code "2 thresholds breached: a; b"}. */
    static String failureMessage(List<Breach> breaches) {
        String each = String.join("; ", breaches.stream().map(Breach::describe).toList());
        return breaches.size() == 1 ? each : breaches.size() + " thresholds breached: " + each;
    }

    /** The cell's figures and a status that agrees with the testcase's verdict. */
    static String systemOut(CellResult r, List<Breach> breaches) {
        String figures = String.format(Locale.ROOT, "%.1f req/s, %.3f%% success, p50 %.2f ms, p99 %.2f ms, %d errors",
                r.load().requestsPerSec(), r.load().successRate(), r.load().all().p50Nanos() / 1e6,
                r.load().all().p99Nanos() / 1e6, r.load().failures());
        String reason = r.statusReason() == null || r.statusReason().isBlank() ? "" : " (" + r.statusReason() + ")";
        String status = CellResult.OK.equals(r.status()) && !breaches.isEmpty() ? "status breached"
                : "status " + r.status() + reason;
        String verdict = breaches.isEmpty() ? "" : ", " + (breaches.size() == 1 ? "1 threshold" : breaches.size()
                + " thresholds") + " breached";
        if (!r.measuredInFull()) {
            return figures + " over part of the window, " + status + ", not judged against the thresholds";
        }
        return figures + ", " + status + verdict;
    }

    private static double seconds(CellResult r) {
        return Math.max(0, r.load().elapsedSeconds());
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
