package org.drizzle.cmdlets.dotnet;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.PropertyBag;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * An XmlDocument / XmlElement / XmlAttribute over the JDK's DOM, navigated as PowerShell's XML
 * adapter does: {@code $xml.rss.channel.item} reads child elements by name (a list when there are
 * several, the text when an element holds only text), attributes by name, and the node members
 * scripts use (InnerText, OuterXml, SelectNodes, SelectSingleNode, CreateElement, AppendChild,
 * SetAttribute, Save...).
 */
public final class XmlNodeView implements PropertyBag {
    private static final List<String> MEMBERS = List.of("Name", "LocalName", "InnerText", "InnerXml", "OuterXml", "Value",
            "ChildNodes", "Attributes", "ParentNode", "FirstChild", "LastChild", "DocumentElement", "NodeType", "HasChildNodes");
    private final Node node;

    XmlNodeView(Node node) {
        this.node = node;
    }

    Node node() {
        return node;
    }

    private Document document() {
        return node instanceof Document d ? d : node.getOwnerDocument();
    }

    /** A DOM node as scripts see it: an element holding only text reads as its text, others as views. */
    static Object wrap(Node n, boolean simplify) {
        if (n == null) {
            return null;
        }
        if (n instanceof Attr a) {
            return simplify ? a.getValue() : new XmlNodeView(a);
        }
        if (simplify && n instanceof Element e && e.getAttributes().getLength() == 0 && !hasElementChild(e)) {
            return e.getTextContent();
        }
        return new XmlNodeView(n);
    }

    private static boolean hasElementChild(Node e) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    private List<Element> children(String name) {
        List<Element> out = new ArrayList<>();
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && (e.getTagName().equals(name) || e.getLocalName() != null && e.getLocalName().equals(name))) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public List<String> propertyNames() {
        List<String> names = new ArrayList<>();
        if (node instanceof Element e) {
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                names.add(attrs.item(i).getNodeName());
            }
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && !names.contains(e.getTagName())) {
                names.add(e.getTagName());
            }
        }
        if (names.isEmpty() && node instanceof Element) {
            names.add("#text");
        }
        return names;
    }

    @Override
    public boolean hasProperty(String name) {
        return getProperty(name) != null || MEMBERS.stream().anyMatch(m -> m.equalsIgnoreCase(name));
    }

    @Override
    public Object getProperty(String name) {
        if (node instanceof Element e && e.hasAttribute(name)) {
            return e.getAttribute(name);
        }
        List<Element> kids = children(name);
        if (kids.size() == 1) {
            return wrap(kids.get(0), true);
        }
        if (kids.size() > 1) {
            List<Object> all = new ArrayList<>();
            kids.forEach(k -> all.add(wrap(k, true)));
            return all;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "#text", "innertext" -> node.getTextContent();
            case "name" -> node instanceof Document ? "#document" : node.getNodeName();
            case "localname" -> node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
            case "value" -> node.getNodeValue();
            case "outerxml" -> xml(node);
            case "innerxml" -> innerXml();
            case "childnodes" -> nodes(node.getChildNodes());
            case "attributes" -> attributes();
            case "parentnode" -> wrap(node.getParentNode(), false);
            case "firstchild" -> wrap(node.getFirstChild(), false);
            case "lastchild" -> wrap(node.getLastChild(), false);
            case "documentelement" -> node instanceof Document d ? wrap(d.getDocumentElement(), false) : null;
            case "nodetype" -> nodeType();
            case "haschildnodes" -> node.hasChildNodes();
            default -> null;
        };
    }

    @Override
    public void setProperty(String name, Object value) {
        String text = value == null ? "" : LanguagePrimitives.toStr(value);
        if (node instanceof Element e && e.hasAttribute(name)) {
            e.setAttribute(name, text);
            return;
        }
        List<Element> kids = children(name);
        if (kids.size() == 1 && !hasElementChild(kids.get(0))) {
            kids.get(0).setTextContent(text);
            return;
        }
        if (name.equalsIgnoreCase("InnerText") || name.equalsIgnoreCase("#text") || name.equalsIgnoreCase("Value")) {
            node.setTextContent(text);
            return;
        }
        throw new IllegalArgumentException("The property '" + name + "' cannot be found on this object. "
                + "Verify that the property exists and can be set.");
    }

    private String nodeType() {
        return switch (node.getNodeType()) {
            case Node.DOCUMENT_NODE -> "Document";
            case Node.ELEMENT_NODE -> "Element";
            case Node.ATTRIBUTE_NODE -> "Attribute";
            case Node.TEXT_NODE -> "Text";
            case Node.CDATA_SECTION_NODE -> "CDATA";
            case Node.COMMENT_NODE -> "Comment";
            default -> "None";
        };
    }

    private List<Object> attributes() {
        List<Object> out = new ArrayList<>();
        if (node instanceof Element e) {
            NamedNodeMap m = e.getAttributes();
            for (int i = 0; i < m.getLength(); i++) {
                out.add(new XmlNodeView(m.item(i)));
            }
        }
        return out;
    }

    private static List<Object> nodes(NodeList list) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add(new XmlNodeView(list.item(i)));
        }
        return out;
    }

    private String innerXml() {
        StringBuilder b = new StringBuilder();
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            b.append(xml(c));
        }
        return b.toString();
    }

    static String xml(Node n) {
        try {
            Transformer t = XmlTypes.transformers().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(n), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("Cannot write the XML: " + e.getMessage(), e);
        }
    }

    // ---- methods scripts call ----

    public List<Object> SelectNodes(Object xpath) {
        return nodes(evaluate(xpath, XPathConstants.NODESET, NodeList.class));
    }

    public Object SelectSingleNode(Object xpath) {
        return wrap(evaluate(xpath, XPathConstants.NODE, Node.class), false);
    }

    private <T> T evaluate(Object xpath, javax.xml.namespace.QName kind, Class<T> type) {
        String expr = LanguagePrimitives.toStr(xpath);
        try {
            return type.cast(XPathFactory.newInstance().newXPath().evaluate(expr, node, kind));
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("'" + expr + "' has an invalid token (not a valid XPath expression).");
        }
    }

    public List<Object> GetElementsByTagName(Object name) {
        Node root = node;
        NodeList list = root instanceof Document d ? d.getElementsByTagName(LanguagePrimitives.toStr(name))
                : ((Element) root).getElementsByTagName(LanguagePrimitives.toStr(name));
        return nodes(list);
    }

    public String GetAttribute(Object name) {
        return node instanceof Element e ? e.getAttribute(LanguagePrimitives.toStr(name)) : "";
    }

    public void SetAttribute(Object name, Object value) {
        if (!(node instanceof Element e)) {
            throw new IllegalArgumentException("SetAttribute needs an element.");
        }
        e.setAttribute(LanguagePrimitives.toStr(name), LanguagePrimitives.toStr(value));
    }

    public void RemoveAttribute(Object name) {
        if (node instanceof Element e) {
            e.removeAttribute(LanguagePrimitives.toStr(name));
        }
    }

    public XmlNodeView CreateElement(Object name) {
        return new XmlNodeView(document().createElement(LanguagePrimitives.toStr(name)));
    }

    public XmlNodeView CreateTextNode(Object text) {
        return new XmlNodeView(document().createTextNode(LanguagePrimitives.toStr(text)));
    }

    public XmlNodeView AppendChild(Object child) {
        Node c = view(child).node;
        if (c.getOwnerDocument() != document()) {
            c = document().importNode(c, true);
        }
        node.appendChild(c);
        return new XmlNodeView(c);
    }

    public XmlNodeView RemoveChild(Object child) {
        node.removeChild(view(child).node);
        return view(child);
    }

    public XmlNodeView CloneNode(Object deep) {
        return new XmlNodeView(node.cloneNode(LanguagePrimitives.isTrue(deep)));
    }

    public void LoadXml(Object text) {
        replaceWith(XmlTypes.parse(LanguagePrimitives.toStr(text)));
    }

    public void Load(Object path) {
        try {
            replaceWith(XmlTypes.parse(Files.readString(Path.of(LanguagePrimitives.toStr(path)))));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find file '" + Path.of(LanguagePrimitives.toStr(path)).toAbsolutePath() + "'.", e);
        }
    }

    private void replaceWith(Document parsed) {
        if (!(node instanceof Document d)) {
            throw new IllegalArgumentException("Load and LoadXml are XmlDocument methods.");
        }
        while (d.getFirstChild() != null) {
            d.removeChild(d.getFirstChild());
        }
        for (Node c = parsed.getFirstChild(); c != null; c = c.getNextSibling()) {
            d.appendChild(d.importNode(c, true));
        }
    }

    /** XmlDocument.Save(path): indented UTF-8 with the XML declaration, as .NET writes it. */
    public void Save(Object path) {
        Path p = Path.of(LanguagePrimitives.toStr(path));
        try {
            document().setXmlStandalone(true);
            Transformer t = XmlTypes.transformers().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "utf-8");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(w));
            Files.writeString(p, w.toString());
        } catch (TransformerException e) {
            throw new IllegalStateException("Cannot write the XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write '" + p.toAbsolutePath() + "': " + e.getMessage(), e);
        }
    }

    private static XmlNodeView view(Object v) {
        if (v instanceof XmlNodeView x) {
            return x;
        }
        throw new IllegalArgumentException("Cannot convert the \"" + LanguagePrimitives.toStr(v) + "\" value to type \"System.Xml.XmlNode\".");
    }

    String typeName() {
        return switch (node.getNodeType()) {
            case Node.DOCUMENT_NODE -> "System.Xml.XmlDocument";
            case Node.ATTRIBUTE_NODE -> "System.Xml.XmlAttribute";
            case Node.TEXT_NODE -> "System.Xml.XmlText";
            default -> "System.Xml.XmlElement";
        };
    }

    @Override
    public String toString() {
        return node instanceof Document ? "#document" : node instanceof Element e && !hasElementChild(e) ? e.getTextContent()
                : node.getNodeName();
    }
}
