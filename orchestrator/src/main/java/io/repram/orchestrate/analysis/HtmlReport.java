package io.repram.orchestrate.analysis;

import io.repram.orchestrate.results.AtomicFiles;
import io.repram.orchestrate.results.ResultsException;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML version of a Markdown report: every local image is inlined as a data URI
 * and the style sheet is embedded, so the single file can be mailed or attached to a CI job.
 */
public final class HtmlReport {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    private static final String STYLE = """
            body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;max-width:1000px;margin:2em auto;\
            padding:0 1em;color:#222;line-height:1.45}
            table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em}
            th{background:#f3f3f3}tr:nth-child(even) td{background:#fafafa}
            code{background:#f3f3f3;padding:0 .2em}img{max-width:100%;height:auto;border:1px solid #eee}
            h1,h2{border-bottom:1px solid #eee;padding-bottom:.2em}
            """;

    private HtmlReport() {
    }

    /** Writes {@code target} from {@code markdown}, whose image links are relative to {@code base}. */
    public static void write(Path target, String title, String markdown, Path base) {
        AtomicFiles.write(target, render(title, markdown, base));
    }

    public static String render(String title, String markdown, Path base) {
        Node document = PARSER.parse(markdown);
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
                .attributeProviderFactory(context -> inlineImages(base)).build();
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
                + renderer.render(document) + "</body>\n</html>\n";
    }

    private static AttributeProvider inlineImages(Path base) {
        return (node, tagName, attributes) -> {
            if (node instanceof Image image) {
                attributes.put("src", dataUri(base, image.getDestination()));
            }
        };
    }

    private static String dataUri(Path base, String link) {
        if (link.startsWith("data:")) {
            return link;
        }
        Path file = base.resolve(link);
        try {
            return "data:" + mediaType(link) + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ResultsException("cannot inline image " + file + " into the HTML report: " + e.getMessage()
                    + " (the Markdown links to a file that is missing; re-render with `repram-orchestrate report`)", e);
        }
    }

    private static String mediaType(String link) {
        String lower = link.toLowerCase(java.util.Locale.ROOT);
        Map<String, String> types = Map.of(".png", "image/png", ".svg", "image/svg+xml", ".jpg", "image/jpeg",
                ".jpeg", "image/jpeg", ".gif", "image/gif");
        return types.entrySet().stream().filter(e -> lower.endsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("application/octet-stream");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
