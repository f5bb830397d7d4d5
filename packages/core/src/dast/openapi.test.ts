import { describe, expect, it } from 'vitest';
import { seedsFromOpenApi } from './openapi.js';

const target = new URL('http://127.0.0.1:8080/shop/');

describe('dast.openapi: the API operations the crawl starts from', () => {
  it('GET operations with their path and query parameters filled from examples, under the server path; other methods counted', () => {
    const doc = {
      openapi: '3.0.3',
      servers: [{ url: 'https://api.example.com/v1' }],
      components: { parameters: { limit: { name: 'limit', in: 'query', schema: { type: 'integer', default: 20 } } } },
      paths: {
        '/orders/{orderId}': { parameters: [{ name: 'orderId', in: 'path', schema: { type: 'integer' } }], get: { parameters: [{ name: 'expand', in: 'query', schema: { type: 'string', enum: ['lines', 'none'] } }] }, delete: {} },
        '/search': { get: { parameters: [{ name: 'q', in: 'query', example: 'lamp' }, { $ref: '#/components/parameters/limit' }] }, post: {} },
      },
    };
    // Another host's server is never asked: its path is kept, on the target.
    expect(seedsFromOpenApi(doc, target)).toEqual({ urls: ['http://127.0.0.1:8080/v1/orders/1?expand=lines', 'http://127.0.0.1:8080/v1/search?q=lamp&limit=20'], skipped: 2 });
  });

  it('Swagger 2 basePath; a relative server is taken from the target', () => {
    expect(seedsFromOpenApi({ swagger: '2.0', basePath: '/api', paths: { '/items': { get: { parameters: [{ name: 'id', in: 'query', type: 'integer' }] } } } }, target).urls).toEqual(['http://127.0.0.1:8080/api/items?id=1']);
    expect(seedsFromOpenApi({ openapi: '3.1.0', servers: [{ url: 'api' }], paths: { '/ping': { get: {} } } }, target).urls).toEqual(['http://127.0.0.1:8080/shop/api/ping']);
  });
});
