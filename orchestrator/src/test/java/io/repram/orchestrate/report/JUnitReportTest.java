package io.repram.orchestrate.report;

import io.repram.orchestrate.gate.ThresholdEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JUnitReportTest {

    @TempDir
    Path tmp;

    @Test
    void oneTestcasePerCellAndOneFailurePerBreach() throws Exception {
        Path file = tmp.resolve("report.xml");
        JUnitReport.write(file, ResultFixtures.SCENARIO, ResultFixtures.RUN_INFO.startedAt(), ResultFixtures.results(),
                ThresholdEvaluator.forScenario(ResultFixtures.SCENARIO));

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("fixture", suite.getAttribute("name"));
        assertEquals("6", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("60.000", suite.getAttribute("time"));

        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(6, cases.getLength());
        Element first = (Element) cases.item(0);
        assertEquals("1nodes_10conc_1024bytes", first.getAttribute("name"));
        assertEquals("repram.fixture", first.getAttribute("classname"));
        assertEquals(0, first.getElementsByTagName("failure").getLength());

        Element breached = (Element) cases.item(5);
        assertEquals("5nodes_50conc_1024bytes", breached.getAttribute("name"));
        NodeList failures = breached.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        Element failure = (Element) failures.item(0);
        assertEquals("success_rate = 97, required >= 99", failure.getAttribute("message"));
        assertEquals("threshold", failure.getAttribute("type"));
        assertEquals("success_rate measured 97.000, bound success_rate >= 99", failure.getTextContent());
        String out = breached.getElementsByTagName("system-out").item(0).getTextContent();
        assertTrue(out.contains("status degraded (node 0 paused)"), out);
    }

    @Test
    void anEmptyRunIsAValidEmptySuite() throws Exception {
        Path file = tmp.resolve("report.xml");
        JUnitReport.write(file, ResultFixtures.SCENARIO, ResultFixtures.RUN_INFO.startedAt(), java.util.List.of(),
                ThresholdEvaluator.forScenario(ResultFixtures.SCENARIO));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertEquals("0", doc.getDocumentElement().getAttribute("tests"));
        assertEquals(0, doc.getElementsByTagName("testcase").getLength());
    }

    private static final Path XSD = Path.of("src/test/resources/report/junit.xsd");

    private static void validate(Path xml) throws Exception {
        javax.xml.validation.Schema schema = javax.xml.validation.SchemaFactory
                .newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(XSD.toFile());
        schema.newValidator().validate(new javax.xml.transform.stream.StreamSource(xml.toFile()));
    }

    @Test
    void twoBreachesAreOneFailureAndASkippedCellIsSkippedAndTheFileIsValidJUnitXml() throws Exception {
        io.repram.orchestrate.results.CellResult bothBreached = ResultFixtures.cell(0, 1, 10, 2000, 97, 2, 50);
        io.repram.orchestrate.results.CellResult okButSlow = ResultFixtures.cell(1, 1, 50, 2000, 100, 2, 50);
        io.repram.orchestrate.results.CellResult p = ResultFixtures.cell(2, 3, 10, 9000, 40, 2, 90);
        io.repram.orchestrate.results.CellResult skipped = new io.repram.orchestrate.results.CellResult(p.cell(),
                p.startedEpochMillis(), p.finishedEpochMillis(), p.load(), p.peakCpuPercent(), p.peakMemoryBytes(),
                "skipped", "skipped by the user");
        Path file = tmp.resolve("report.xml");
        JUnitReport.write(file, ResultFixtures.SCENARIO, ResultFixtures.RUN_INFO.startedAt(),
                java.util.List.of(bothBreached, okButSlow, skipped), ThresholdEvaluator.forScenario(ResultFixtures.SCENARIO));

        validate(file);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        NodeList cases = doc.getElementsByTagName("testcase");

        Element both = (Element) cases.item(0);
        NodeList failures = both.getElementsByTagName("failure");
        assertEquals(1, failures.getLength(), "one failure element for two breaches");
        String message = ((Element) failures.item(0)).getAttribute("message");
        assertTrue(message.startsWith("2 thresholds breached: "), message);
        assertTrue(message.contains("success_rate = 97, required >= 99") && message.contains("p99_ms = 50, required <= 40"),
                message);
        assertTrue(failures.item(0).getTextContent().contains("\n"), "one line per breach");

        Element slow = (Element) cases.item(1);
        String out = slow.getElementsByTagName("system-out").item(0).getTextContent();
        assertFalse(out.contains("status ok"), out);
        assertFalse(out.contains("()"), out);
        assertTrue(out.contains("status breached, 1 threshold breached"), out);

        Element skip = (Element) cases.item(2);
        assertEquals(1, skip.getElementsByTagName("skipped").getLength());
        assertEquals(0, skip.getElementsByTagName("failure").getLength(), "a skipped cell is not judged");
        assertEquals("skipped by the user",
                ((Element) skip.getElementsByTagName("skipped").item(0)).getAttribute("message"));
    }

    @Test
    void theSchemaRejectsTwoFailuresInOneTestcase() throws Exception {
        Path file = tmp.resolve("bad.xml");
        java.nio.file.Files.writeString(file, "<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"1\" errors=\"0\">"
                + "<testcase name=\"c\" classname=\"k\" time=\"1\"><failure type=\"t\"/><failure type=\"t\"/>"
                + "</testcase></testsuite></testsuites>");
        assertThrows(org.xml.sax.SAXException.class, () -> validate(file));
    }

    @Test
    void theFixtureRunIsValidJUnitXml() throws Exception {
        Path file = tmp.resolve("report.xml");
        JUnitReport.write(file, ResultFixtures.SCENARIO, ResultFixtures.RUN_INFO.startedAt(), ResultFixtures.results(),
                ThresholdEvaluator.forScenario(ResultFixtures.SCENARIO));
        validate(file);
    }
}
