namespace OcppLab.ChargePoint.Transport;

/// <summary>A stream that first returns bytes already read, then reads on from the stream under it.</summary>
/// <remarks>
/// The opening handshake reads the HTTP response in blocks, so the first WebSocket frames may already sit in
/// the buffer; the WebSocket reads them through this stream before the socket (RFC 6455 §4.1: the server may
/// send frames right after its 101 response).
/// </remarks>
internal sealed class PrefixedStream(byte[] prefix, Stream inner) : Stream
{
    private int offset;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (offset < prefix.Length)
        {
            var count = Math.Min(buffer.Length, prefix.Length - offset);
            prefix.AsSpan(offset, count).CopyTo(buffer.Span);
            offset += count;
            return ValueTask.FromResult(count);
        }

        return inner.ReadAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (this.offset < prefix.Length)
        {
            var copied = Math.Min(count, prefix.Length - this.offset);
            prefix.AsSpan(this.offset, copied).CopyTo(buffer.AsSpan(offset, copied));
            this.offset += copied;
            return copied;
        }

        return inner.Read(buffer, offset, count);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
