using OcppLab.Conformance.Tool;

return await ConformanceCommandLine.InvokeAsync(args, Console.Out, Console.Error);
