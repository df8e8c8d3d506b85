package org.drizzle.cmdlets.dotnet;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerFactory;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * [xml] / [System.Xml.XmlDocument]: text (or Get-Content's lines) parsed by the JDK's DOM with
 * external entities and DTDs refused (no file or network reads from a feed), entity expansion
 * bounded by the JDK's secure processing.
 */
final class XmlTypes {
    private XmlTypes() {
    }

    static List<TypeAdapter> adapters() {
        TypeAdapter doc = TypeAdapter.builder("System.Xml.XmlDocument")
                .constructor(0, a -> new XmlNodeView(newBuilder().newDocument()))
                .instances(v -> v instanceof XmlNodeView x && x.typeName().equals("System.Xml.XmlDocument"))
                .converter(XmlTypes::convert)
                .build();
        TypeAdapter element = TypeAdapter.builder("System.Xml.XmlElement")
                .instances(v -> v instanceof XmlNodeView x && x.typeName().equals("System.Xml.XmlElement")).build();
        TypeAdapter node = TypeAdapter.builder("System.Xml.XmlNode").instances(XmlNodeView.class::isInstance).build();
        return List.of(doc, element, node);
    }

    private static Object convert(Object v) {
        if (v == null || v instanceof XmlNodeView) {
            return v;
        }
        String text = LanguagePrimitives.isEnumerable(v) ? String.join("\n", LanguagePrimitives.toList(v).stream()
                .map(LanguagePrimitives::toStr).toList()) : LanguagePrimitives.toStr(v);
        return new XmlNodeView(parse(text));
    }

    static Document parse(String text) {
        try {
            return newBuilder().parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            throw new IllegalArgumentException(e.getMessage() + " Line " + e.getLineNumber() + ", position " + e.getColumnNumber() + ".");
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be configured: " + e.getMessage(), e);
        }
    }

    static TransformerFactory transformers() {
        TransformerFactory t = TransformerFactory.newInstance();
        t.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        t.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return t;
    }
}
