namespace QubesPoolConsole.Server.Security;

/// <summary>The configuration asks the console to listen somewhere other than loopback; it refuses to start.</summary>
public sealed class NonLoopbackBindingException(string message) : Exception(message);
