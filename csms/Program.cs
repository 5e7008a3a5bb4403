using OcppLab.Csms;
using OcppLab.Csms.Connections;
using OcppLab.Csms.OperatorApi;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCsms(builder.Configuration);
builder.Services.AddOperatorApi();

var app = builder.Build();
app.UseWebSockets();
app.UseOperatorApi();
app.MapOcpp();
app.MapOperatorApi();
await app.RunAsync();

/// <summary>Entry point; public so that tests can host the Central System with WebApplicationFactory.</summary>
public partial class Program;
