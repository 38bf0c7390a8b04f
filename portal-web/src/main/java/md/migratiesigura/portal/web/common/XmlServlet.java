package md.migratiesigura.portal.web.common;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** An XML document written with a streaming writer (which escapes every text and attribute) for a GET. */
public abstract class XmlServlet extends HttpServlet {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final String contentType;

    protected XmlServlet(String contentType) {
        this.contentType = contentType;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] document = document();
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.getOutputStream().write(document);
    }

    /** The document as served: written anew here; a subclass may serve one it keeps. */
    protected byte[] document() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(buffer, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        return buffer.toByteArray();
    }

    protected abstract void write(XMLStreamWriter xml) throws XMLStreamException;

    protected static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
