package org.musubi.web.encoding;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musubi.web.servlet.HeldBody;

/**
 * A form request as {@link FormDoor} read it: its fields (the query string's first, then the body's, each name's values
 * in order, as the servlet specification aggregates them) and its body's bytes, for whatever reads them next.
 */
final class ReadForm extends HttpServletRequestWrapper {

    private final Map<String, String[]> parameters;
    private final byte[] body;
    private final Charset charset;

    ReadForm(HttpServletRequest request, List<FormFields.Field> fields, byte[] body, Charset charset) {
        super(request);
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (FormFields.Field field : fields) {
            grouped.computeIfAbsent(field.name(), name -> new ArrayList<>(1)).add(field.value());
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        grouped.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        this.parameters = Collections.unmodifiableMap(parameters);
        this.body = body;
        this.charset = charset;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public ServletInputStream getInputStream() {
        return HeldBody.stream(body);
    }

    @Override
    public BufferedReader getReader() {
        // Read once already: the decoder never meets bytes it cannot read, and would say so rather than replace them.
        return HeldBody.reader(body, charset);
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
