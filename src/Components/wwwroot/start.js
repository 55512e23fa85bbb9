// Starts Blazor (blazor.web.js is loaded with autostart="false"), opening the circuit's WebSocket at once instead of
// first asking /_blazor/negotiate which transport to use: one round trip less before every page is interactive
// (docs/benchmarks.md, eighth round). The console serves only loopback browsers, which all have WebSockets, so the
// fallback transports the negotiation offers are never needed. A plain script: the CSP allows 'self' only.
Blazor.start({
  circuit: {
    configureSignalR: builder => builder.withUrl("_blazor", { skipNegotiation: true, transport: 1 /* WebSockets */ }),
  },
});
