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
 * {@code report.xml} in JUnit XML, which CI systems display natively: one testcase per cell, one
 * failure per breached threshold with the measured value and the bound.
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
        long failures = breaches.stream().filter(b -> !b.isEmpty()).count();
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
        x.writeAttribute("time", seconds(totalSeconds));
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", scenario.name());
        x.writeAttribute("tests", count);
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", "0");
        x.writeAttribute("time", seconds(totalSeconds));
        x.writeAttribute("timestamp", startedAt.toString());
        for (int i = 0; i < results.size(); i++) {
            CellResult r = results.get(i);
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            x.writeAttribute("classname", "repram." + scenario.name());
            x.writeAttribute("name", r.cell().id());
            x.writeAttribute("time", seconds(seconds(r)));
            for (Breach b : breaches.get(i)) {
                x.writeCharacters("\n      ");
                x.writeStartElement("failure");
                x.writeAttribute("type", "threshold");
                x.writeAttribute("message", b.describe());
                x.writeCharacters(b.metric() + " measured " + String.format(Locale.ROOT, "%.3f", b.measured())
                        + ", bound " + b.metric() + " " + b.expression());
                x.writeEndElement();
            }
            x.writeCharacters("\n      ");
            x.writeStartElement("system-out");
            x.writeCharacters(String.format(Locale.ROOT, "%.1f req/s, %.3f%% success, p50 %.2f ms, p99 %.2f ms, "
                            + "%d errors, status %s%s", r.load().requestsPerSec(), r.load().successRate(),
                    r.load().all().p50Nanos() / 1e6, r.load().all().p99Nanos() / 1e6, r.load().failures(), r.status(),
                    r.statusReason() == null ? "" : " (" + r.statusReason() + ")"));
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

    private static double seconds(CellResult r) {
        return Math.max(0, r.load().elapsedSeconds());
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
