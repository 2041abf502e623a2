-- Benchmark: each headline joined to its symbol's bars within a minute of it.
CREATE TABLE stock_prices (
    symbol VARCHAR, `open` FLOAT, high FLOAT, low FLOAT, `close` FLOAT, volume DECIMAL,
    trade_count FLOAT, vwap DECIMAL, provider VARCHAR, `timestamp` BIGINT,
    event_time AS TO_TIMESTAMP_LTZ(`timestamp`, 3),
    WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'examples/data/stock-prices.jsonl', 'format' = 'json');
CREATE TABLE market_news (
    id BIGINT, headline VARCHAR, symbol VARCHAR, sentiment DOUBLE, timestamp_ms BIGINT,
    event_time AS TO_TIMESTAMP_LTZ(timestamp_ms, 3),
    WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'examples/data/market-news.jsonl', 'format' = 'json');
CREATE TABLE out_rows (symbol STRING, sentiment DOUBLE, `close` FLOAT, news_time TIMESTAMP_LTZ(3)) WITH ('connector' = 'blackhole');
INSERT INTO out_rows SELECT n.symbol, n.sentiment, p.`close`, n.event_time
FROM market_news n JOIN stock_prices p
  ON n.symbol = p.symbol AND n.event_time BETWEEN p.event_time - INTERVAL '1' MINUTE AND p.event_time + INTERVAL '1' MINUTE;
