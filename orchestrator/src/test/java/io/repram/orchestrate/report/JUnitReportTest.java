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
}
