using System.Buffers.Binary;
using System.Text;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Transactions;

/// <summary>
/// A dense binary form of a batch of meter values (OCPP 1.6 §7.31 MeterValue, §7.43 SampledValue) for holding
/// them in memory: per meter value its timestamp (UTC ticks and offset), per sampled value its six optional enums
/// as one byte each and its value as UTF-8. About 15 bytes a sample where the JSON takes about 120 and the
/// object graph about 100, so that the transaction history holds a sixth of the bytes and lets go of a sixth
/// as garbage (bench/RESULTS.md, soak). Exact: what is decoded equals what was encoded.
/// </summary>
internal static class MeterValueCodec
{
    private const int TimestampBytes = sizeof(long) + sizeof(short);
    private const int EnumBytes = 6;

    /// <summary>Encodes <paramref name="values"/> into one array of exactly the bytes they need.</summary>
    public static byte[] Encode(IReadOnlyList<MeterValue> values)
    {
        var size = VarIntSize(values.Count);
        foreach (var value in values)
        {
            size += TimestampBytes + VarIntSize(value.SampledValue.Count);
            foreach (var sample in value.SampledValue)
            {
                var length = Encoding.UTF8.GetByteCount(sample.Value);
                size += EnumBytes + VarIntSize(length) + length;
            }
        }

        var buffer = new byte[size];
        var at = WriteVarInt(buffer, 0, values.Count);
        foreach (var value in values)
        {
            BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(at), value.Timestamp.UtcTicks);
            BinaryPrimitives.WriteInt16LittleEndian(buffer.AsSpan(at + sizeof(long)), checked((short)value.Timestamp.TotalOffsetMinutes));
            at = WriteVarInt(buffer, at + TimestampBytes, value.SampledValue.Count);
            foreach (var sample in value.SampledValue)
            {
                buffer[at++] = Code((int?)sample.Context);
                buffer[at++] = Code((int?)sample.Format);
                buffer[at++] = Code((int?)sample.Measurand);
                buffer[at++] = Code((int?)sample.Phase);
                buffer[at++] = Code((int?)sample.Location);
                buffer[at++] = Code((int?)sample.Unit);
                var length = Encoding.UTF8.GetByteCount(sample.Value);
                at = WriteVarInt(buffer, at, length);
                at += Encoding.UTF8.GetBytes(sample.Value, buffer.AsSpan(at));
            }
        }

        return buffer;
    }

    /// <summary>Adds the meter values encoded in <paramref name="chunk"/> to <paramref name="into"/>, in order.</summary>
    public static void Decode(ReadOnlySpan<byte> chunk, List<MeterValue> into)
    {
        var at = ReadVarInt(chunk, 0, out var count);
        for (var v = 0; v < count; v++)
        {
            var ticks = BinaryPrimitives.ReadInt64LittleEndian(chunk[at..]);
            var offset = TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16LittleEndian(chunk[(at + sizeof(long))..]));
            at = ReadVarInt(chunk, at + TimestampBytes, out var sampleCount);
            var samples = new SampledValue[sampleCount];
            for (var s = 0; s < sampleCount; s++)
            {
                var codes = chunk.Slice(at, EnumBytes);
                at = ReadVarInt(chunk, at + EnumBytes, out var length);
                samples[s] = new SampledValue
                {
                    Value = Encoding.UTF8.GetString(chunk.Slice(at, length)),
                    Context = (ReadingContext?)Member(codes[0]),
                    Format = (ValueFormat?)Member(codes[1]),
                    Measurand = (Measurand?)Member(codes[2]),
                    Phase = (Phase?)Member(codes[3]),
                    Location = (Location?)Member(codes[4]),
                    Unit = (UnitOfMeasure?)Member(codes[5]),
                };
                at += length;
            }

            into.Add(new MeterValue { Timestamp = new DateTimeOffset(ticks + offset.Ticks, offset), SampledValue = samples });
        }
    }

    // 0 for absent, the enum's value plus one otherwise (every 1.6 enum has far fewer than 255 members).
    private static byte Code(int? value) => value is { } present ? checked((byte)(present + 1)) : (byte)0;

    private static int? Member(byte code) => code == 0 ? null : code - 1;

    private static int VarIntSize(int value)
    {
        var size = 1;
        for (var rest = (uint)value >> 7; rest != 0; rest >>= 7)
        {
            size++;
        }

        return size;
    }

    private static int WriteVarInt(byte[] buffer, int at, int value)
    {
        var rest = (uint)value;
        while (rest >= 0x80)
        {
            buffer[at++] = (byte)(rest | 0x80);
            rest >>= 7;
        }

        buffer[at++] = (byte)rest;
        return at;
    }

    private static int ReadVarInt(ReadOnlySpan<byte> chunk, int at, out int value)
    {
        var result = 0u;
        var shift = 0;
        byte next;
        do
        {
            next = chunk[at++];
            result |= (uint)(next & 0x7F) << shift;
            shift += 7;
        }
        while ((next & 0x80) != 0);

        value = (int)result;
        return at;
    }
}
