-- Benchmark: each headline joined to its symbol's bars within a minute of it.
CREATE TABLE out_rows (symbol STRING, sentiment DOUBLE, `close` FLOAT, news_time TIMESTAMP_LTZ(3)) WITH ('connector' = 'blackhole');
INSERT INTO out_rows SELECT n.symbol, n.sentiment, p.`close`, n.event_time
FROM market_news n JOIN stock_prices p
  ON n.symbol = p.symbol AND n.event_time BETWEEN p.event_time - INTERVAL '1' MINUTE AND p.event_time + INTERVAL '1' MINUTE;
