package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** [xml] over the JDK DOM: dot navigation, XPath, editing and Save, and no external entities. */
class XmlDocumentTest {
    private static final String FEED = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Builds</title>"
            + "<item><title>A</title><enclosure url=\"http://h/a.zip\" length=\"10\"/></item>"
            + "<item><title>B</title><enclosure url=\"http://h/b.zip\" length=\"20\"/></item></channel></rss>\n";

    @TempDir
    Path tmp;

    @Test
    void navigatesQueriesEditsAndSaves() throws Exception {
        Files.writeString(tmp.resolve("feed.xml"), FEED);
        ScriptHarness r = new ScriptHarness();
        r.run("Set-Location '" + tmp + "'");
        Result res = r.run("[xml]$x = Get-Content ./feed.xml; $x.rss.version; $x.rss.channel.title; $x.rss.channel.item.Count; "
                + "$x.rss.channel.item | ForEach-Object { \"$($_.title) $($_.enclosure.url)\" }; "
                + "($x.SelectNodes('//enclosure') | ForEach-Object { $_.url }) -join ','; "
                + "$x.SelectSingleNode('//item[title=\"B\"]/enclosure').GetAttribute('length'); "
                + "$n = $x.CreateElement('item'); $t = $x.CreateElement('title'); $t.InnerText = 'C'; [void]$n.AppendChild($t); "
                + "[void]$x.rss.channel.AppendChild($n); $x.rss.channel.item.Count; $x.rss.channel.title = 'Nightly'; "
                + "$x.rss.channel.item[0].enclosure.SetAttribute('length', '11'); $x.Save(\"$PWD/out.xml\"); "
                + "([xml](Get-Content ./out.xml)).rss.channel.title; $x.GetType().FullName; $x -is [xml]; $x.rss.channel.item[0].GetType().Name");
        assertThat(res.err()).isEmpty();
        assertThat(res.lines()).containsExactly("2.0", "Builds", "2", "A http://h/a.zip", "B http://h/b.zip", "http://h/a.zip,http://h/b.zip",
                "20", "3", "Nightly", "System.Xml.XmlDocument", "True", "XmlElement");
        String saved = Files.readString(tmp.resolve("out.xml"));
        assertThat(saved).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>").contains("<title>Nightly</title>")
                .contains("length=\"11\"").contains("<title>C</title>");
    }

    @Test
    void malformedXmlIsAClearConversionErrorAndExternalEntitiesAreNotRead() throws Exception {
        Result bad = ScriptHarness.exec("[xml]'<a><b>1</b>'");
        assertThat(bad.err()).contains("System.Xml.XmlDocument").contains("Line 1").doesNotContain("java.");
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOPSECRET");
        Result xxe = ScriptHarness.exec("$x = [xml]'<!DOCTYPE a [<!ENTITY e SYSTEM \"file://" + secret + "\">]><a>&e;</a>'; \"[$($x.a)]\"");
        assertThat(xxe.out() + xxe.err()).doesNotContain("TOPSECRET");
    }
}
