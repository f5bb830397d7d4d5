// Our own code: it uses jQuery and lodash but carries no library of its own.
import $ from 'jquery';
const VERSION = '4.17.4';
$(() => console.log('jQuery v3.4.1 loaded', VERSION));
