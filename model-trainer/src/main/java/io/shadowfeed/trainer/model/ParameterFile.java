package io.shadowfeed.trainer.model;

import ai.djl.ndarray.NDArray;


import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named float32 arrays in a small versioned binary file. Our own format rather than DJL's {@code Block} files:
 * the networks are not DJL blocks (see {@link Critic}), and a file that names every array lets loading say which
 * array is missing or has the wrong shape.
 *
 * <p>Layout: magic "SFNN", format version (int), count (int), then per array: name (UTF), rank (int), dims
 * (long each), values (little-endian float32).
 */
public final class ParameterFile {
    private static final int MAGIC = 0x53464E4E;
    public static final int FORMAT_VERSION = 1;

    private ParameterFile() {
    }

    public static void write(Path file, List<NamedParameter> parameters) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, parameters);
        }
    }

    public static void write(OutputStream stream, List<NamedParameter> parameters) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeInt(parameters.size());
        for (NamedParameter parameter : parameters) {
            NDArray array = parameter.array();
            out.writeUTF(parameter.name());
            long[] dims = array.getShape().getShape();
            out.writeInt(dims.length);
            for (long dim : dims) {
                out.writeLong(dim);
            }
            float[] values = array.toFloatArray();
            ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            buffer.asFloatBuffer().put(values);
            out.write(buffer.array());
        }
        out.flush();
    }

    /** Reads the file into the given arrays, in place; every name must be present with the same shape. */
    public static void readInto(Path file, List<NamedParameter> parameters) throws IOException {
        Map<String, InitialValues.Loaded> arrays = read(file);
        if (arrays.size() != parameters.size()) {
            throw new IOException(file + " holds " + arrays.size() + " arrays, the network has "
                    + parameters.size());
        }
        for (NamedParameter parameter : parameters) {
            InitialValues.Loaded array = arrays.get(parameter.name());
            if (array == null) {
                throw new IOException(file + " has no array '" + parameter.name() + "'");
            }
            long[] expected = parameter.array().getShape().getShape();
            if (!Arrays.equals(array.shape(), expected)) {
                throw new IOException(file + ": array '" + parameter.name() + "' has shape "
                        + Arrays.toString(array.shape()) + ", the network expects " + Arrays.toString(expected));
            }
            parameter.array().set(array.values());
        }
    }

    /** The file's arrays as initial values for a network built from them. */
    public static InitialValues initialValues(Path file) throws IOException {
        return InitialValues.loaded(read(file), file.toString());
    }

    private static Map<String, InitialValues.Loaded> read(Path file) throws IOException {
        try (InputStream stream = Files.newInputStream(file)) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a Shadowfeed parameter file");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IOException(file + " has parameter format " + version + "; this version reads "
                        + FORMAT_VERSION);
            }
            int count = in.readInt();
            Map<String, InitialValues.Loaded> arrays = new LinkedHashMap<>();
            for (int a = 0; a < count; a++) {
                String name = in.readUTF();
                long[] dims = new long[in.readInt()];
                long size = 1;
                for (int d = 0; d < dims.length; d++) {
                    dims[d] = in.readLong();
                    size *= dims[d];
                }
                int bytesWanted = Math.toIntExact(size * Float.BYTES);
                byte[] bytes = in.readNBytes(bytesWanted);
                if (bytes.length != bytesWanted) {
                    throw new IOException(file + " ends inside array '" + name + "'");
                }
                float[] values = new float[(int) size];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
                arrays.put(name, new InitialValues.Loaded(dims, values));
            }
            if (in.read() != -1) {
                throw new IOException(file + " has trailing bytes after its " + count + " arrays");
            }
            return arrays;
        }
    }
}
